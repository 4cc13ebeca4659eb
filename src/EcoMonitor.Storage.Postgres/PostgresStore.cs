using Microsoft.Extensions.Logging;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The store contracts of the PostgreSQL engine not yet in classes of their own, on the shared
/// <see cref="PostgresDatabase"/> (docs/adr/0033). Thread-safe as the database is.
/// </summary>
internal sealed partial class PostgresStore
{
    private readonly PostgresDatabase _db;
    private readonly PostgresStorageOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresStore> _logger;

    public PostgresStore(PostgresDatabase database, ILogger<PostgresStore> logger)
    {
        _db = database;
        _options = database.Options;
        _timeProvider = database.TimeProvider;
        _logger = logger;
    }

    private ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _db.OpenAsync(cancellationToken);

    private Task<T> InTransactionAsync<T>(int frames, int observations, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _db.InTransactionAsync(frames, observations, work, cancellationToken);

    private static Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken) =>
        PostgresDatabase.ExecuteAsync(connection, sql, cancellationToken);
}
