using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The one SQLite file every store class of this engine works on: its connections, the writer and its lock, the
/// transaction helper and the clock. Thread-safety: all writes go through one writer connection (<see cref="SqliteWriter"/>),
/// serialised by <see cref="_writeLock"/> and held for the whole transaction; reads open their own pooled connections
/// and run concurrently with writes (WAL readers see the last commit). A write that returned has been committed with
/// <c>synchronous=FULL</c>: it survives a crash or power loss. One singleton per container; disposing it closes the
/// writer and clears the pool.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutSeconds;
    private readonly ILogger<SqliteDatabase> _logger;

    // Serialises writers: guards _writer (its connection, prepared commands and series cache) and _isDisposed.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteWriter? _writer;
    private bool _isDisposed;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options, TimeProvider timeProvider, ILogger<SqliteDatabase> logger)
    {
        SqliteStorageOptions value = options.Value;
        Path = System.IO.Path.GetFullPath(value.Path);
        _busyTimeoutSeconds = value.BusyTimeoutSeconds;
        TimeProvider = timeProvider;
        _logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = value.BusyTimeoutSeconds,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The clock of every store class of this engine.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The current time truncated to the millisecond, as stored (so a returned entry equals the one read back).</summary>
    public Instant Now() => SqliteValues.ToInstant(TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());

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
    public async Task<T> WriteAsync<T>(Func<SqliteWriter, T> write, CancellationToken cancellationToken)
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

    /// <summary>
    /// Runs <paramref name="write"/> on the writer connection while holding the write lock, taking the lock by
    /// blocking: only for callers that are synchronous themselves (the data-protection key ring).
    /// </summary>
    public T Write<T>(Func<SqliteWriter, T> write)
    {
        _writeLock.Wait();
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
    public T InTransaction<T>(SqliteWriter writer, int frames, int observations, Func<SqliteWriter, T> work)
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

    /// <summary>Opens a pooled read connection. Callers dispose it (which returns it to the pool).</summary>
    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
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

    /// <summary>Opens a pooled read connection synchronously (for synchronous callers). Callers dispose it.</summary>
    public SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(_isDisposed, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs one statement (or a script) that returns no rows.</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteWriter OpenWriter()
    {
        string? directory = System.IO.Path.GetDirectoryName(Path);
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

        StorageLog.StoreOpened(_logger, Path);
        return new SqliteWriter(connection);
    }
}
