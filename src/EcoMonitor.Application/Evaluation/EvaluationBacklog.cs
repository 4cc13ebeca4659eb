using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The dirty station-days waiting for <see cref="EvaluationWorker"/>, filled by committed observations. Coalescing:
/// a station-day is held once however many of its hours arrive, so memory is bounded by the distinct station-days
/// touched between two recomputations (live data: about one per station). <see cref="OnCommitted"/> never blocks
/// beyond a short lock and never throws on data. Thread-safe: the set is guarded by <see cref="_gate"/>.
/// </summary>
public sealed class EvaluationBacklog : IObservationCommitListener
{
    private readonly Lock _gate = new();
    private HashSet<StationDay> _pending = [];
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Station-days waiting.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <inheritdoc />
    public void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes)
    {
        ArgumentNullException.ThrowIfNull(observations);
        lock (_gate)
        {
            for (int i = 0; i < observations.Count; i++)
            {
                Observation o = observations[i];
                bool isChanged = outcomes is null || i >= outcomes.Count || outcomes[i] != AppendOutcome.Unchanged;
                if (isChanged && o.Interval == ObservationInterval.Hour
                    && (AirParameters.TryGet(o.Parameter, out AirPollutant _) || WaterParameters.Items.ContainsKey(o.Parameter)))
                {
                    _pending.Add(StationDay.Of(o.Station, o.PeriodStart));
                }
            }

            if (_pending.Count > 0)
            {
                _signal.TrySetResult();
            }
        }
    }

    /// <summary>Adds station-days directly (e.g. a catch-up or a retry after a failed recomputation).</summary>
    public void Enqueue(IEnumerable<StationDay> stationDays)
    {
        ArgumentNullException.ThrowIfNull(stationDays);
        lock (_gate)
        {
            _pending.UnionWith(stationDays);
            if (_pending.Count > 0)
            {
                _signal.TrySetResult();
            }
        }
    }

    /// <summary>Waits until something is pending, then takes everything pending (the queue is left empty).</summary>
    public async Task<IReadOnlyCollection<StationDay>> TakeAllAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_pending.Count > 0)
                {
                    HashSet<StationDay> taken = _pending;
                    _pending = [];
                    _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    return taken;
                }

                signal = _signal.Task;
            }

            await signal.WaitAsync(cancellationToken);
        }
    }
}
