using EcoMonitor.Application.Storage;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IStoreHealth"/> on the SQLite file: a read of the schema table, and which errors mean the file is locked away.
/// </summary>
internal sealed class SqliteStoreHealth(SqliteDatabase db) : IStoreHealth
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <inheritdoc />
    /// <remarks>Reads the schema table, so the file itself is opened and read (a bare <c>SELECT 1</c> would not touch it).</remarks>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// SQLITE_BUSY (5) and SQLITE_LOCKED (6), extended codes included: the file stayed locked by another process or
    /// connection past the busy timeout (<see cref="SqliteStorageOptions.BusyTimeoutSeconds"/>).
    /// </remarks>
    public bool IsUnavailable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException sqlite)
            {
                return (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked;
            }
        }

        return false;
    }
}
