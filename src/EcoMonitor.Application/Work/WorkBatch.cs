namespace EcoMonitor.Application.Work;

/// <summary>What a worker took from its <see cref="PendingWork{TItem}"/> for one pass.</summary>
/// <param name="Items">Work items from commits (and other in-process sources), in first-arrival order, each once.</param>
/// <param name="Days">The commits' pending rows with the versions they produced.</param>
/// <param name="Replays">Whole station-days to work on from what the store holds (at start, by a sweep, after a retry).</param>
public sealed record WorkBatch<TItem>(IReadOnlyList<TItem> Items, IReadOnlyList<DayProgress> Days, IReadOnlyList<PendingDay> Replays)
{
    /// <summary>True when there is nothing in it.</summary>
    public bool IsEmpty => Items.Count == 0 && Days.Count == 0 && Replays.Count == 0;
}
