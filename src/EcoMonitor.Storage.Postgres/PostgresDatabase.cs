using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NodaTime;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The one PostgreSQL database every store class of this engine works on: its data source (the connection pool), the
/// transaction helper with its retry, the series and stream id caches, the options and the clock. Thread-safe: each call takes a pooled connection;
/// writers run concurrently (also from other nodes) and PostgreSQL's row locks order them. A write that conflicts with
/// another (deadlock, serialization failure) is retried as a whole. A write that returned has been committed with the
/// server's <c>synchronous_commit</c> (on by default: flushed to the WAL). One singleton per container; disposing it
/// closes the pool.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private const int MaxAttempts = 5;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresDatabase> _logger;

    public PostgresDatabase(IOptions<PostgresStorageOptions> options, TimeProvider timeProvider, ILogger<PostgresDatabase> logger)
    {
        Options = options.Value;
        TimeProvider = timeProvider;
        _logger = logger;
        var builder = new NpgsqlConnectionStringBuilder(Options.ConnectionString)
        {
            CommandTimeout = Options.CommandTimeoutSeconds,
            // The ingest staging table is a per-connection temporary table, created once and kept across pool use.
            NoResetOnClose = true,
            MaxAutoPrepare = Math.Max(new NpgsqlConnectionStringBuilder(Options.ConnectionString).MaxAutoPrepare, 32),
        };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        Series = new PostgresSeriesIds(this);
        Streams = new PostgresStreamIds(this);
        PostgresLog.StoreOpened(_logger, builder.Host, builder.Port, builder.Database);
    }

    /// <summary>The series id cache (ids never change once created, so it lives as long as this database object).</summary>
    public PostgresSeriesIds Series { get; }

    /// <summary>The stream id cache, both ways (ids never change once created).</summary>
    public PostgresStreamIds Streams { get; }

    /// <summary>The engine's options (connection string, partitions, retention).</summary>
    public PostgresStorageOptions Options { get; }

    /// <summary>The clock of every store class of this engine.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The current time truncated to the millisecond (the audit hash covers milliseconds: a returned entry equals the one read back).</summary>
    public Instant Now() => Instant.FromUnixTimeMilliseconds(TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Opens a pooled connection; the caller disposes it.</summary>
    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Opens a pooled connection synchronously (for synchronous callers); the caller disposes it.</summary>
    public NpgsqlConnection OpenConnection() => _dataSource.OpenConnection();

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on a pooled connection and commits; rolls back when it throws,
    /// retries the whole transaction on a deadlock or serialization failure, logs a final failure once (without a stack
    /// when the database could not be reached, <see cref="IsUnavailable"/>).
    /// </summary>
    public async Task<T> InTransactionAsync<T>(int frames, int observations, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
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
    /// Whether <paramref name="exception"/> means the database could not be reached. A server error counts by its
    /// SQLSTATE only: class 08 (connection exception), 57P01/57P02/57P03 (admin shutdown, crash shutdown, cannot
    /// connect now), 53300 (too many connections). Any other driver error counts when the driver calls it transient
    /// (the socket failed or broke, opening a connection or a command timed out) or when a socket error caused it.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException server:
                    return IsUnavailableState(server.SqlState);
                case NpgsqlException driver:
                    return driver.IsTransient || driver.InnerException is SocketException;
            }
        }

        return false;
    }

    /// <summary>Runs one statement that returns no rows.</summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;

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
