namespace EcoMonitor.Application.Work;

/// <summary>
/// Whether this node's durable workers have worked off the work that was pending when they started (docs/adr/0035):
/// every <see cref="WorkRunner{TItem}"/> registers its kind when it is created and reports it done once its first sweep
/// of the store has been taken up whole and a pass over everything it took has finished (nothing left for a retry, the
/// store not failing). A start-up import commits before the workers start, so its evaluation, quality checks and alarms
/// are part of that work. Once done it stays done: later work (live data, imports) never takes it back, so a node
/// behind a balancer does not flap out of service whenever data queue work. Thread-safe (one lock).
/// </summary>
public sealed class StartupWork
{
    private readonly Lock _gate = new();
    private readonly HashSet<WorkKind> _waiting = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _hasWorkers;

    /// <summary>
    /// True when at least one worker registered and every registered worker has worked off its start-up work. The
    /// workers register when the host creates its hosted services, before any of them starts.
    /// </summary>
    public bool IsDone
    {
        get
        {
            lock (_gate)
            {
                return _hasWorkers && _waiting.Count == 0;
            }
        }
    }

    /// <summary>Completes when <see cref="IsDone"/> becomes true.</summary>
    public Task WhenDone => _done.Task;

    /// <summary>The kinds whose start-up work is not done yet.</summary>
    public IReadOnlyList<WorkKind> Waiting
    {
        get
        {
            lock (_gate)
            {
                return [.. _waiting];
            }
        }
    }

    /// <summary>A worker of <paramref name="kind"/> exists on this node and has start-up work to do.</summary>
    internal void Register(WorkKind kind)
    {
        lock (_gate)
        {
            _hasWorkers = true;
            _waiting.Add(kind);
        }
    }

    /// <summary>The worker of <paramref name="kind"/> has worked off its start-up work.</summary>
    internal void Done(WorkKind kind)
    {
        lock (_gate)
        {
            if (_waiting.Remove(kind) && _waiting.Count == 0)
            {
                _done.TrySetResult();
            }
        }
    }
}
