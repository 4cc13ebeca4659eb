using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// The station-days whose values changed and must be checked again by <see cref="QualityWorker"/> on this node, filled by
/// committed observations (ingest and imports; the fast signal — the same work is pending in the store,
/// <see cref="IPendingWorkStore"/>). Coalescing, never blocks beyond a short lock, never throws on data. Thread-safe
/// (<see cref="PendingWork{TItem}"/>).
/// </summary>
public sealed class QualityBacklog : IObservationCommitListener
{
    /// <summary>The worker's queue on this node.</summary>
    public PendingWork<QualityWindow> Queue { get; } = new(WorkKind.Quality);

    /// <summary>Windows waiting.</summary>
    public int PendingCount => Queue.Count;

    /// <inheritdoc />
    public void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes, IReadOnlyList<DayChange> changes)
    {
        ArgumentNullException.ThrowIfNull(observations);
        List<QualityWindow> windows = [];
        for (int i = 0; i < observations.Count; i++)
        {
            if (CommitOutcomes.IsChanged(outcomes, i))
            {
                var day = WorkDay.Of(observations[i]);
                var window = new QualityWindow(day.Station, day.Interval, day.Day);
                if (windows.Count == 0 || windows[^1] != window)
                {
                    windows.Add(window);
                }
            }
        }

        Queue.Add(windows, changes);
    }
}
