using EcoMonitor.Application.Access;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary><see cref="ISetUpTokenStore"/> on SQLite: table <c>setup_token</c>, one row at most (migration 18).</summary>
internal sealed class SqliteSetUpTokenStore(SqliteDatabase db) : ISetUpTokenStore
{
    /// <inheritdoc />
    public Task ReplaceAsync(string tokenHash, Instant expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        return db.WriteAsync(writer =>
        {
            using SqliteCommand command = writer.Connection.CreateCommand();
            command.CommandText = "INSERT OR REPLACE INTO setup_token (id, token_hash, expires_at) VALUES (1, $hash, $expires);";
            command.Parameters.AddWithValue("$hash", tokenHash);
            command.Parameters.AddWithValue("$expires", SqliteValues.ToColumn(expiresAt));
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Instant?> ConsumeAsync(string tokenHash, Instant now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        return db.WriteAsync(writer =>
        {
            using SqliteCommand command = writer.Connection.CreateCommand();
            command.CommandText = "DELETE FROM setup_token WHERE token_hash = $hash AND expires_at > $now RETURNING expires_at;";
            command.Parameters.AddWithValue("$hash", tokenHash);
            command.Parameters.AddWithValue("$now", SqliteValues.ToColumn(now));
            return command.ExecuteScalar() is long expires ? SqliteValues.ToInstant(expires) : (Instant?)null;
        }, cancellationToken);
    }
}
