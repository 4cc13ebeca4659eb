using EcoMonitor.Application.Storage;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IClusterLock"/> on PostgreSQL: session advisory locks, each on a pooled connection of its own (ADR 0012).
/// </summary>
internal sealed class PostgresClusterLock(PostgresDatabase db) : IClusterLock
{
    /// <inheritdoc />
    /// <remarks>A session advisory lock held on a connection of its own until the result is disposed (docs/adr/0012).</remarks>
    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKeys.ClassId}, {AdvisoryLockKeys.ForWork(name)});", connection);
            // Waits on the server; cancelling the token cancels the wait.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new HeldAdvisoryLock(connection, AdvisoryLockKeys.ForWork(name));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryLockKeys.ClassId}, {AdvisoryLockKeys.ForWork(name)});", connection);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return new HeldAdvisoryLock(connection, AdvisoryLockKeys.ForWork(name));
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A held session advisory lock: unlocks, then returns its connection to the pool.</summary>
    private sealed class HeldAdvisoryLock(NpgsqlConnection connection, int key) : IAsyncDisposable
    {
        private int _isReleased;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _isReleased, 1) != 0)
            {
                return;
            }

            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKeys.ClassId}, {key});", connection);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
