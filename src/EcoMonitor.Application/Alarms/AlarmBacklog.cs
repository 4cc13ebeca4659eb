using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Hears committed observations (<see cref="IObservationCommitListener"/>): records when each station was last heard
/// (for silence rules) and queues the work items <see cref="AlarmMatcher"/> finds (keeping the recent history of flat-line
/// and rise series in <see cref="RecentSeries"/>), for <see cref="AlarmWorker"/>.
/// Hears review decisions too (<see cref="IReviewDecisionListener"/>): the store has queued them durably
/// (<see cref="IAlarmStore.PendingReviewsAsync"/>); the backlog only wakes the worker (<see cref="ReviewsPending"/>).
/// Returns quickly and never throws on the ingest path. Thread-safe (<see cref="PendingWork{T}"/>, a lock for the review signal).
/// </summary>
public sealed class AlarmBacklog : IObservationCommitListener, IReviewDecisionListener
{
    private readonly StationRegistry _registry;
    private readonly AlarmRuleSet _rules;
    private readonly ActiveAlarmSet _active;
    private readonly RecentSeries _recent;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<StationId, Instant> _lastHeard = new();
    private readonly PendingWork<AlarmWorkItem> _pending = new();
    private readonly Lock _reviewGate = new();
    private TaskCompletionSource _reviews = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the backlog.</summary>
    public AlarmBacklog(StationRegistry registry, AlarmRuleSet rules, ActiveAlarmSet active, RecentSeries recent)
    {
        _registry = registry;
        _rules = rules;
        _active = active;
        _recent = recent;
    }

    /// <summary>Items waiting.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>When a station's data was last committed through this node (since start-up), or as confirmed from the store, or null.</summary>
    public Instant? LastHeard(StationId station) => _lastHeard.TryGetValue(station, out Instant at) ? at : null;

    /// <summary>Records that the station was heard at <paramref name="at"/> (e.g. by another node, as the store shows); keeps the later time.</summary>
    public void Heard(StationId station, Instant at) =>
        _lastHeard.AddOrUpdate(station, at, (_, known) => known > at ? known : at);

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
                AlarmMatcher.Collect(o, station, snapshot, _active, found ??= [], _recent);
            }
        }

        if (found is { Count: > 0 })
        {
            Enqueue(found);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The store queued the decisions for the alarm re-evaluation in their own transaction (docs/adr/0025); this only
    /// wakes the worker so that it evaluates them now rather than at its next periodic check.
    /// </remarks>
    public void OnDecided(IReadOnlyList<ReviewDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Count > 0)
        {
            SignalReviews();
        }
    }

    /// <summary>Completes when review decisions were stored (or a failed review pass asks for a retry) since the last <see cref="TakeReviewSignal"/>.</summary>
    public Task ReviewsPending
    {
        get
        {
            lock (_reviewGate)
            {
                return _reviews.Task;
            }
        }
    }

    /// <summary>Asks the worker to look at the pending review decisions.</summary>
    public void SignalReviews()
    {
        lock (_reviewGate)
        {
            _reviews.TrySetResult();
        }
    }

    /// <summary>True (and resets the signal) when <see cref="ReviewsPending"/> has completed.</summary>
    public bool TakeReviewSignal()
    {
        lock (_reviewGate)
        {
            if (!_reviews.Task.IsCompleted)
            {
                return false;
            }

            _reviews = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return true;
        }
    }

    /// <summary>Queues items (also used to requeue after a failure).</summary>
    public void Enqueue(IEnumerable<AlarmWorkItem> items) => _pending.AddRange(items);

    /// <summary>Waits for items and takes all of them (duplicates removed, in arrival order).</summary>
    public Task<IReadOnlyList<AlarmWorkItem>> TakeAllAsync(CancellationToken cancellationToken) => _pending.TakeAllAsync(cancellationToken);
}
