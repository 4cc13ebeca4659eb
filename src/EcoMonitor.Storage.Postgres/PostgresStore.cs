using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Every store interface on one PostgreSQL database, one partial file per contract. Thread-safe: each call takes a
/// pooled connection; writers run concurrently (also from other nodes) and PostgreSQL's row locks order them. A
/// write that conflicts with another (deadlock, serialization failure) is retried as a whole. A write that returned
/// has been committed with the server's <c>synchronous_commit</c> (on by default: flushed to the WAL).
/// </summary>
internal sealed partial class PostgresStore : IAsyncDisposable, IDisposable
{
    private const int MaxAttempts = 5;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStorageOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresStore> _logger;

    public PostgresStore(IOptions<PostgresStorageOptions> options, TimeProvider timeProvider, ILogger<PostgresStore> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        var builder = new NpgsqlConnectionStringBuilder(_options.ConnectionString)
        {
            CommandTimeout = _options.CommandTimeoutSeconds,
            // The ingest staging table is a per-connection temporary table, created once and kept across pool use.
            NoResetOnClose = true,
            MaxAutoPrepare = Math.Max(new NpgsqlConnectionStringBuilder(_options.ConnectionString).MaxAutoPrepare, 32),
        };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        PostgresLog.StoreOpened(_logger, builder.Host, builder.Port, builder.Database);
    }

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on a pooled connection and commits; rolls back when it throws,
    /// retries the whole transaction on a deadlock or serialization failure, logs a final failure once (without a stack
    /// when the database could not be reached, <see cref="IsUnavailable"/>).
    /// </summary>
    private async Task<T> InTransactionAsync<T>(int frames, int observations, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                T result = await work(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception exception) when (IsTransient(exception, out string reason) && attempt < MaxAttempts)
            {
                PostgresLog.CommitRetried(_logger, reason, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database being away is not a fault of this write: one line without a stack (the caller answers for it).
                if (IsUnavailable(exception))
                {
                    PostgresLog.CommitFailedStoreAway(_logger, frames, observations, exception.GetBaseException().Message);
                }
                else
                {
                    PostgresLog.CommitFailed(_logger, exception, frames, observations);
                }

                throw;
            }
        }
    }

    /// <summary>
    /// A conflict with a concurrent transaction that a retry resolves: a deadlock, a serialization failure, or a unique
    /// violation (the insert paths use ON CONFLICT, so one comes only from two nodes revising one key at once).
    /// </summary>
    private static bool IsTransient(Exception exception, out string reason)
    {
        reason = exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation } p => p.SqlState,
            _ => "",
        };
        return reason.Length > 0;
    }
}
