using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// The falsification suspicion (打假) of outlets per CST day, with its signs and evidence. Derived data: scoring a day
/// again replaces what was stored for that station and day. Implementations are thread-safe; a completed write is durable.
/// </summary>
public interface ISuspicionStore
{
    /// <summary>Stores each day's suspicion (score 0 included: the day was examined), replacing the station-day's earlier one, in one transaction.</summary>
    Task SaveSuspicionsAsync(IReadOnlyList<OutletSuspicion> days, CancellationToken cancellationToken);

    /// <summary>
    /// Stored days in [firstDay, lastDay] with a score of at least <paramref name="minimumScore"/>, of one station (or all when
    /// null), highest score first, then day, then station; at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<OutletSuspicion>> QuerySuspicionsAsync(
        StationId? station, LocalDate firstDay, LocalDate lastDay, int minimumScore, int limit, CancellationToken cancellationToken);
}
