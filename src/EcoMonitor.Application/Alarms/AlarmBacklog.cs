using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Hears committed observations (<see cref="IObservationCommitListener"/>): records when each station was last heard
/// (for silence rules) and queues the work items <see cref="AlarmMatcher"/> finds, for <see cref="AlarmWorker"/>.
/// Returns quickly and never throws on the ingest path. Thread-safe (<see cref="PendingWork{T}"/>).
/// </summary>
public sealed class AlarmBacklog : IObservationCommitListener
{
    private readonly StationRegistry _registry;
    private readonly AlarmRuleSet _rules;
    private readonly ActiveAlarmSet _active;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<StationId, Instant> _lastHeard = new();
    private readonly PendingWork<AlarmWorkItem> _pending = new();

    /// <summary>Creates the backlog.</summary>
    public AlarmBacklog(StationRegistry registry, AlarmRuleSet rules, ActiveAlarmSet active)
    {
        _registry = registry;
        _rules = rules;
        _active = active;
    }

    /// <summary>Items waiting.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>When a station's data was last committed (since start-up), or null.</summary>
    public Instant? LastHeard(StationId station) => _lastHeard.TryGetValue(station, out Instant at) ? at : null;

    /// <inheritdoc />
    public void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes)
    {
        ArgumentNullException.ThrowIfNull(observations);
        AlarmRuleSnapshot snapshot = _rules.Current;
        List<AlarmWorkItem>? found = null;
        Station? station = null;
        for (int i = 0; i < observations.Count; i++)
        {
            Observation o = observations[i];
            if (station is null || station.Id != o.Station)
            {
                station = _registry.TryGet(o.Station, out Station s) ? s : null;
                if (_lastHeard.TryGetValue(o.Station, out Instant last) ? last < o.ReceivedAt : true)
                {
                    _lastHeard[o.Station] = o.ReceivedAt;
                }
            }

            if (station is not null && CommitOutcomes.IsChanged(outcomes, i))
            {
                AlarmMatcher.Collect(o, station, snapshot, _active, found ??= []);
            }
        }

        if (found is { Count: > 0 })
        {
            Enqueue(found);
        }
    }

    /// <summary>Queues items (also used to requeue after a failure).</summary>
    public void Enqueue(IEnumerable<AlarmWorkItem> items) => _pending.AddRange(items);

    /// <summary>Waits for items and takes all of them (duplicates removed, in arrival order).</summary>
    public Task<IReadOnlyList<AlarmWorkItem>> TakeAllAsync(CancellationToken cancellationToken) => _pending.TakeAllAsync(cancellationToken);
}
