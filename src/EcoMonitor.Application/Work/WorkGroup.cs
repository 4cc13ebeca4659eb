namespace EcoMonitor.Application.Work;

/// <summary>
/// One station-day of a pass: its items (from commits, and rebuilt from the store when it is replayed), the versions
/// its commits produced and its replays. The unit in which failures are found and recorded. Not thread-safe (one pass).
/// </summary>
internal sealed class WorkGroup<TItem>(WorkDay day)
    where TItem : notnull
{
    public WorkDay Day { get; } = day;

    /// <summary>Items from commits and other in-process sources.</summary>
    public List<TItem> Items { get; } = [];

    /// <summary>Items rebuilt from the store by <see cref="IWorkConsumer{TItem}.RecoverAsync"/> (rebuilt again after a failure).</summary>
    public List<TItem> Recovered { get; } = [];

    /// <summary>The versions this node's commits produced.</summary>
    public List<DayProgress> Progress { get; } = [];

    /// <summary>Whole-day replays (at start, by a sweep, after a retry).</summary>
    public List<PendingDay> Replays { get; } = [];

    /// <summary>Position of the group's first item in the batch (groups are worked on in arrival order).</summary>
    public int Order { get; set; } = int.MaxValue;

    public bool HasItems => Items.Count > 0 || Recovered.Count > 0;

    public int ItemCount => Items.Count + Recovered.Count;

    public IEnumerable<TItem> AllItems => Items.Concat(Recovered);
}
