using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>The findings of one station's <paramref name="Interval"/> values with period start in <paramref name="Periods"/>, replacing what was stored for that range.</summary>
/// <param name="Station">The station.</param>
/// <param name="Interval">The interval kind.</param>
/// <param name="Periods">Period starts covered (start inclusive, end exclusive); every finding must lie in it.</param>
/// <param name="Findings">The new findings of the range (empty when the range is clean).</param>
public sealed record FindingsReplacement(StationId Station, ObservationInterval Interval, Interval Periods, IReadOnlyList<QualityFinding> Findings);
