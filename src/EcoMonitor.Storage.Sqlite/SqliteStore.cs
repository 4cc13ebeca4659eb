using EcoMonitor.Application.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The store contracts of the SQLite engine not yet in classes of their own, on the shared <see cref="SqliteDatabase"/>
/// (docs/adr/0033). Thread-safe as the database is.
/// </summary>
internal sealed partial class SqliteStore : IObservationStore, IRawFrameArchive, IIngestStore
{
    private readonly SqliteDatabase _db;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteStore> _logger;

    public SqliteStore(SqliteDatabase database, ILogger<SqliteStore> logger)
    {
        _db = database;
        _timeProvider = database.TimeProvider;
        _logger = logger;
    }

    private Task<T> WriteAsync<T>(Func<SqliteWriter, T> write, CancellationToken cancellationToken) => _db.WriteAsync(write, cancellationToken);

    private T InTransaction<T>(SqliteWriter writer, int frames, int observations, Func<SqliteWriter, T> work) =>
        _db.InTransaction(writer, frames, observations, work);

    private Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken) => _db.OpenReaderAsync(cancellationToken);
}
