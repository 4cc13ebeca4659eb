using EcoMonitor.Application.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// Every store interface on one SQLite file. Thread-safety: all writes go through one writer connection
/// (<see cref="SqliteWriter"/>), serialised by <see cref="_writeLock"/> and held for the whole transaction; reads
/// open their own pooled connections and run concurrently with writes (WAL readers see the last commit).
/// A write that returned has been committed with <c>synchronous=FULL</c>: it survives a crash or power loss.
/// </summary>
internal sealed partial class SqliteStore : IStoreSchema, IStationStore, IObservationStore, IRawFrameArchive, IIngestStore, IEvaluationStore, IAuditLog, IQualityStore, IReviewStore, IAlarmStore, IAlarmRuleStore, IPermitLimitStore, IDisposable
{
    private readonly string _connectionString;
    private readonly string _path;
    private readonly int _busyTimeoutSeconds;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteStore> _logger;

    // Serialises writers: guards _writer (its connection, prepared commands and series cache) and _isDisposed.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteWriter? _writer;
    private bool _isDisposed;

    public SqliteStore(IOptions<SqliteStorageOptions> options, TimeProvider timeProvider, ILogger<SqliteStore> logger)
    {
        SqliteStorageOptions value = options.Value;
        _path = Path.GetFullPath(value.Path);
        _busyTimeoutSeconds = value.BusyTimeoutSeconds;
        _timeProvider = timeProvider;
        _logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = value.BusyTimeoutSeconds,
        }.ToString();
    }

    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            if (_isDisposed)
            {
                return;
            }

            _isDisposed = true;
            _writer?.Dispose();
            _writer = null;
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="write"/> on the writer connection while holding the write lock.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteWriter, T> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            _writer ??= OpenWriter();
            return write(_writer);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction; rolls back (and logs once) when it throws.</summary>
    private T InTransaction<T>(SqliteWriter writer, int frames, int observations, Func<SqliteWriter, T> work)
    {
        using SqliteTransaction transaction = writer.Begin();
        try
        {
            T result = work(writer);
            transaction.Commit();
            return result;
        }
        catch (Exception exception)
        {
            writer.ForgetRolledBackSeries();
            StorageLog.CommitFailed(_logger, exception, frames, observations);
            throw;
        }
    }

    private SqliteWriter OpenWriter()
    {
        string? directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                PRAGMA busy_timeout = {_busyTimeoutSeconds * 1000};
                PRAGMA temp_store = MEMORY;
                PRAGMA cache_size = -65536;
                """);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        StorageLog.StoreOpened(_logger, _path);
        return new SqliteWriter(connection);
    }

    /// <summary>Opens a pooled read connection. Callers dispose it (which returns it to the pool).</summary>
    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_isDisposed, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
