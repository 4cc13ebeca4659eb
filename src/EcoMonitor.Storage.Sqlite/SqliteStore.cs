using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Storage.Transfer;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The observation path of the SQLite engine on the shared <see cref="SqliteDatabase"/>: <see cref="IObservationStore"/>,
/// <see cref="IIngestStore"/>, <see cref="IRawFrameArchive"/>, <see cref="IStoreExport"/> and <see cref="IStoreImport"/>,
/// one partial file each. They stay one class until the ingest work on SQLite (packed rows, branch <c>sqlite-ingest</c>)
/// lands, so that its files keep their bodies; then they are split like the other contracts (docs/adr/0033). The
/// private members below are the database's, under the names those files use. Thread-safe as the database is.
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
