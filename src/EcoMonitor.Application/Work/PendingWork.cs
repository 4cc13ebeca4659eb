namespace EcoMonitor.Application.Work;

/// <summary>
/// The work one consumer has waiting on this node, filled by the commit listeners (the fast signal; the store holds
/// the same work durably, <see cref="IPendingWorkStore"/>): items coalesce (an item is held once however often
/// it is added, first arrival order kept), the versions of each pending row are merged into ranges
/// (<see cref="DayProgress"/>), and whole station-days to replay are held by row. Memory is bounded by the distinct
/// items and rows between two takes. Adding takes a short lock and never blocks otherwise; <see cref="TakeAll"/> takes
/// everything. Thread-safe.
/// </summary>
/// <typeparam name="TItem">The consumer's work item; equal items are one.</typeparam>
public sealed class PendingWork<TItem> : IPendingWork
    where TItem : notnull
{
    private readonly Lock _gate = new();
    private List<TItem> _items = [];
    private HashSet<TItem> _held = [];
    private Dictionary<long, DayProgress> _days = [];
    private Dictionary<long, PendingDay> _replays = [];
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the queue of <paramref name="kind"/>.</summary>
    public PendingWork(WorkKind kind) => Kind = kind;

    /// <inheritdoc />
    public WorkKind Kind { get; }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count + _replays.Count;
            }
        }
    }

    /// <summary>Completes when something was added since the last take (it may have been taken meanwhile).</summary>
    public Task WhenAdded
    {
        get
        {
            lock (_gate)
            {
                return _signal.Task;
            }
        }
    }

    /// <summary>Adds the items and the row versions of one commit.</summary>
    public void Add(IReadOnlyList<TItem> items, IReadOnlyList<DayChange> changes)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(changes);
        if (items.Count == 0 && changes.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (TItem item in items)
            {
                AddItem(item);
            }

            foreach (DayChange change in changes)
            {
                Progress(change.Day, change.Id).Add(change.Version, change.Version);
            }

            _signal.TrySetResult();
        }
    }

    /// <summary>Adds items that no commit reported (e.g. the days a review decision covers).</summary>
    public void Enqueue(IEnumerable<TItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            foreach (TItem item in items)
            {
                AddItem(item);
            }

            if (_items.Count > 0)
            {
                _signal.TrySetResult();
            }
        }
    }

    /// <inheritdoc />
    public void Replay(PendingDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        lock (_gate)
        {
            if (!_replays.TryGetValue(day.Id, out PendingDay? held) || held.Version < day.Version)
            {
                _replays[day.Id] = day;
            }

            _signal.TrySetResult();
        }
    }

    /// <summary>Puts back what a pass did not finish (a failure of the store, a stop), to be taken again.</summary>
    public void Return(IEnumerable<TItem> items, IEnumerable<DayProgress> days, IEnumerable<PendingDay> replays)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(replays);
        lock (_gate)
        {
            foreach (TItem item in items)
            {
                AddItem(item);
            }

            foreach (DayProgress progress in days)
            {
                Progress(progress.Day, progress.Id).AddAll(progress);
            }

            foreach (PendingDay replay in replays)
            {
                if (!_replays.TryGetValue(replay.Id, out PendingDay? held) || held.Version < replay.Version)
                {
                    _replays[replay.Id] = replay;
                }
            }

            _signal.TrySetResult();
        }
    }

    /// <summary>Takes everything waiting (possibly nothing) and leaves the queue empty.</summary>
    public WorkBatch<TItem> TakeAll()
    {
        lock (_gate)
        {
            var batch = new WorkBatch<TItem>(_items, [.. _days.Values], [.. _replays.Values]);
            _items = [];
            _held = [];
            _days = [];
            _replays = [];
            if (_signal.Task.IsCompleted)
            {
                _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return batch;
        }
    }

    /// <summary>Waits until something is waiting, then takes everything.</summary>
    public async Task<WorkBatch<TItem>> TakeAllAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            WorkBatch<TItem> batch = TakeAll();
            if (!batch.IsEmpty)
            {
                return batch;
            }

            await WhenAdded.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Adds the station-days of everything held to <paramref name="days"/> (<paramref name="dayOf"/>: an item's day).</summary>
    public void CollectDays(HashSet<WorkDay> days, Func<TItem, WorkDay> dayOf)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(dayOf);
        lock (_gate)
        {
            foreach (TItem item in _items)
            {
                days.Add(dayOf(item));
            }

            foreach (DayProgress progress in _days.Values)
            {
                days.Add(progress.Day);
            }

            foreach (PendingDay replay in _replays.Values)
            {
                days.Add(replay.Day);
            }
        }
    }

    private void AddItem(TItem item)
    {
        if (_held.Add(item))
        {
            _items.Add(item);
        }
    }

    private DayProgress Progress(WorkDay day, long id)
    {
        if (!_days.TryGetValue(id, out DayProgress? progress))
        {
            progress = new DayProgress(day, id);
            _days.Add(id, progress);
        }

        return progress;
    }
}
