namespace EcoMonitor.Application;

/// <summary>
/// Work waiting for one background consumer: an item is held once however often it is added (first arrival order is
/// kept), so memory is bounded by the distinct items between two takes. Adding takes a short lock and never blocks
/// otherwise; <see cref="TakeAllAsync"/> waits until something is pending and takes everything. Thread-safe.
/// </summary>
/// <typeparam name="T">The work item; equal items are one.</typeparam>
public sealed class PendingWork<T>
    where T : notnull
{
    private readonly Lock _gate = new();
    private List<T> _order = [];
    private HashSet<T> _held = [];
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Distinct items waiting.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _order.Count;
            }
        }
    }

    /// <summary>Adds one item (nothing when it is already waiting).</summary>
    public void Add(T item)
    {
        lock (_gate)
        {
            if (_held.Add(item))
            {
                _order.Add(item);
                _signal.TrySetResult();
            }
        }
    }

    /// <summary>Adds items (e.g. a retry after a failure puts back what it took).</summary>
    public void AddRange(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            foreach (T item in items)
            {
                if (_held.Add(item))
                {
                    _order.Add(item);
                }
            }

            if (_order.Count > 0)
            {
                _signal.TrySetResult();
            }
        }
    }

    /// <summary>Waits until something is pending, then takes everything pending in first-arrival order.</summary>
    public async Task<IReadOnlyList<T>> TakeAllAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_order.Count > 0)
                {
                    List<T> taken = _order;
                    _order = [];
                    _held = [];
                    _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    return taken;
                }

                signal = _signal.Task;
            }

            await signal.WaitAsync(cancellationToken);
        }
    }
}
