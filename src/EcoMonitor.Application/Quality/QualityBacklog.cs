using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// The station-days whose values changed and must be checked again by <see cref="QualityWorker"/>, filled by committed
/// observations (ingest and imports). Coalescing, never blocks beyond a short lock, never throws on data. Thread-safe:
/// the set is guarded by <see cref="_gate"/>.
/// </summary>
public sealed class QualityBacklog : IObservationCommitListener
{
    private readonly Lock _gate = new();
    private HashSet<QualityWindow> _pending = [];
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Windows waiting.</summary>
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
                bool isChanged = outcomes is null || i >= outcomes.Count || outcomes[i] != AppendOutcome.Unchanged;
                if (isChanged)
                {
                    Observation o = observations[i];
                    _pending.Add(new QualityWindow(o.Station, o.Interval, ChinaTime.ToLocal(o.PeriodStart).Date));
                }
            }

            if (_pending.Count > 0)
            {
                _signal.TrySetResult();
            }
        }
    }

    /// <summary>Adds windows directly (a retry, or a review decision that changes validity).</summary>
    public void Enqueue(IEnumerable<QualityWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        lock (_gate)
        {
            _pending.UnionWith(windows);
            if (_pending.Count > 0)
            {
                _signal.TrySetResult();
            }
        }
    }

    /// <summary>Waits until something is pending, then takes everything pending.</summary>
    public async Task<IReadOnlyCollection<QualityWindow>> TakeAllAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_pending.Count > 0)
                {
                    HashSet<QualityWindow> taken = _pending;
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
