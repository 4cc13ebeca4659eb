namespace EcoMonitor.Application.Storage;

/// <summary>
/// Named mutual exclusion across every node (process) that shares the store, so that background work runs on one node
/// at a time: PostgreSQL session advisory locks on the shared database; the embedded SQLite store serves one node, so
/// a lock within the process. A lock is released by disposing what acquiring returned, or when its holder dies
/// (PostgreSQL releases a dead session's locks). Thread-safe; not re-entrant.
/// </summary>
public interface IClusterLock
{
    /// <summary>Waits until this caller holds the lock <paramref name="name"/>; dispose the result to release it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken);

    /// <summary>Takes the lock <paramref name="name"/> when nobody holds it, else returns null at once (the work runs elsewhere).</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken);
}
