using EcoMonitor.Application.Storage;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IStoreHealth"/> on PostgreSQL: a round trip on a pooled connection, and which errors mean the database could not be reached.
/// </summary>
internal sealed class PostgresStoreHealth(PostgresDatabase db) : IStoreHealth
{
    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1;", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>See <see cref="PostgresDatabase.IsUnavailable"/>.</remarks>
    public bool IsUnavailable(Exception exception) => PostgresDatabase.IsUnavailable(exception);
}
