using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// The station-days whose values changed and must be checked again by <see cref="QualityWorker"/>, filled by committed
/// observations (ingest and imports). Coalescing, never blocks beyond a short lock, never throws on data. Thread-safe
/// (<see cref="PendingWork{T}"/>).
/// </summary>
public sealed class QualityBacklog : IObservationCommitListener
{
    private readonly PendingWork<QualityWindow> _pending = new();

    /// <summary>Windows waiting.</summary>
    public int PendingCount => _pending.Count;

    /// <inheritdoc />
    public void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes)
    {
        ArgumentNullException.ThrowIfNull(observations);
        for (int i = 0; i < observations.Count; i++)
        {
            if (CommitOutcomes.IsChanged(outcomes, i))
            {
                Observation o = observations[i];
                _pending.Add(new QualityWindow(o.Station, o.Interval, ChinaTime.ToLocal(o.PeriodStart).Date));
            }
        }
    }

    /// <summary>Adds windows directly (a retry, or a review decision that changes validity).</summary>
    public void Enqueue(IEnumerable<QualityWindow> windows) => _pending.AddRange(windows);

    /// <summary>Waits until something is pending, then takes everything pending.</summary>
    public Task<IReadOnlyList<QualityWindow>> TakeAllAsync(CancellationToken cancellationToken) => _pending.TakeAllAsync(cancellationToken);
}
