using System.Collections.Concurrent;
using EcoMonitor.Application.Storage;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IClusterLock"/> on SQLite: one file serves one node, so a lock per file and name inside the process.
/// </summary>
internal sealed class SqliteClusterLock(SqliteDatabase db) : IClusterLock
{
    // One SQLite file serves one node; its locks are per file within the process (shared by every store instance
    // opened on the same file, as two instances in one process would be two "nodes").
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = Gate(name);
        await gate.WaitAsync(cancellationToken);
        return new Held(gate);
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = Gate(name);
        return await gate.WaitAsync(TimeSpan.Zero, cancellationToken) ? new Held(gate) : null;
    }

    private SemaphoreSlim Gate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Locks.GetOrAdd(db.Path + "\n" + name, static _ => new SemaphoreSlim(1, 1));
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _isReleased;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _isReleased, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
