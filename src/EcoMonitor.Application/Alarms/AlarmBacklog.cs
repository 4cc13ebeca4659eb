using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Hears committed observations (<see cref="IObservationCommitListener"/>): records when each station was last heard
/// (for silence rules) and queues the work items <see cref="AlarmMatcher"/> finds (keeping the recent history of flat-line
/// and rise series in <see cref="RecentSeries"/>), for <see cref="AlarmWorker"/> on this node (the fast signal; the
/// station-days are pending in the store too, <see cref="IPendingWorkStore"/>, and <see cref="Match"/> rebuilds their
/// items from the stored values). Hears review decisions too (<see cref="IReviewDecisionListener"/>): the store has queued them durably
/// (<see cref="IAlarmStore.PendingReviewsAsync"/>); the backlog only wakes the worker (<see cref="ReviewsPending"/>).
/// Returns quickly and never throws on the ingest path. Thread-safe (<see cref="PendingWork{TItem}"/>, a lock for the review signal).
/// </summary>
public sealed class AlarmBacklog : IObservationCommitListener, IReviewDecisionListener
{
    // Rebuilding a day's items asks the matcher for candidates by value only (Match adds the active series itself).
    private static readonly ActiveAlarmSet NoActiveAlarms = new();

    private readonly StationRegistry _registry;
    private readonly AlarmRuleSet _rules;
    private readonly ActiveAlarmSet _active;
    private readonly RecentSeries _recent;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<StationId, Instant> _lastHeard = new();
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

    /// <summary>The worker's queue on this node.</summary>
    public PendingWork<AlarmWorkItem> Queue { get; } = new(WorkKind.Alarms);

    /// <summary>Items waiting.</summary>
    public int PendingCount => Queue.Count;

    /// <summary>When a station's data was last committed through this node (since start-up), or as confirmed from the store, or null.</summary>
    public Instant? LastHeard(StationId station) => _lastHeard.TryGetValue(station, out Instant at) ? at : null;

    /// <summary>Records that the station was heard at <paramref name="at"/> (e.g. by another node, as the store shows); keeps the later time.</summary>
    public void Heard(StationId station, Instant at) =>
        _lastHeard.AddOrUpdate(station, at, (_, known) => known > at ? known : at);

    /// <inheritdoc />
    public void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes, IReadOnlyList<DayChange> changes)
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

        Queue.Add(found ?? [], changes);
    }

    /// <summary>
    /// The work items of stored <paramref name="values"/> of one series day, ordered by period (a station-day rebuilt from
    /// the store): every value the per-observation matcher makes a candidate, and the latest value of each series whose
    /// alarm is active (it may clear it). Does not touch when the station was last heard.
    /// </summary>
    public IReadOnlyList<AlarmWorkItem> Match(IReadOnlyList<Observation> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        AlarmRuleSnapshot snapshot = _rules.Current;
        List<AlarmWorkItem> found = [];
        Dictionary<(ParameterCode, ObservationInterval), Observation> latest = [];
        Station? station = null;
        foreach (Observation o in values)
        {
            if (station is null || station.Id != o.Station)
            {
                station = _registry.TryGet(o.Station, out Station s) ? s : null;
            }

            if (station is not null)
            {
                // Candidates by their value alone; an active alarm is looked at once per series, below.
                AlarmMatcher.Collect(o, station, snapshot, NoActiveAlarms, found, _recent);
                latest[(o.Parameter, o.Interval)] = o;
            }
        }

        foreach (Observation o in latest.Values)
        {
            station = _registry.TryGet(o.Station, out Station s) ? s : null;
            foreach (AlarmRule rule in station is null ? [] : snapshot.Index.MatchSeries(station, o.Parameter, o.Interval).Rules)
            {
                if (_active.Contains(o.Station.Value, rule.Id))
                {
                    found.Add(new AlarmWorkItem(o.Station, rule.Id, o.Parameter, o.Interval, o.PeriodStart));
                }
            }
        }

        return [.. found.Distinct()];
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

}
