using System.Collections.Concurrent;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The bounded recent history (<see cref="SeriesHistory"/>) of every series that has a flat-line or rate-of-rise rule
/// (<see cref="SeriesRules.HistoryPeriods"/> periods each), kept per node. With it the per-observation pre-filter
/// (<see cref="AlarmMatcher"/>) sends a value of such a series to the engine — which reads the store — only when its
/// neighbour makes it a hit or is not known here (first values after start, values another node received, a value
/// whose comparison value was flagged): a bulk import of normal data costs no store reads. Memory: one history per such
/// series, about 40 bytes per period held. Thread-safe.
/// </summary>
public sealed class RecentSeries
{
    private readonly ConcurrentDictionary<(StationId, ParameterCode, ObservationInterval), SeriesHistory> _series = new();

    /// <summary>Series with a history.</summary>
    public int SeriesCount => _series.Count;

    /// <summary>The history of the series, created with <paramref name="capacity"/> periods on first use.</summary>
    public SeriesHistory Of(StationId station, ParameterCode parameter, ObservationInterval interval, int capacity)
    {
        SeriesHistory history = _series.GetOrAdd((station, parameter, interval), static (_, periods) => new SeriesHistory(periods), capacity);
        if (history.Capacity >= capacity)
        {
            return history;
        }

        // The rules changed and need a longer history: start a larger one (filled again from the stream and the store).
        var larger = new SeriesHistory(capacity);
        _series[(station, parameter, interval)] = larger;
        return larger;
    }
}
