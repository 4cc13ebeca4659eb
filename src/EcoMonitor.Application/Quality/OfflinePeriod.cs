using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>A run of consecutive expected periods without any value of the station.</summary>
/// <param name="Start">Start of the first missing period.</param>
/// <param name="End">End of the last missing period (exclusive).</param>
/// <param name="Periods">How many periods are missing in a row.</param>
public sealed record OfflinePeriod(Instant Start, Instant End, int Periods);
