using EcoMonitor.Application.Access;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace EcoMonitor.Storage.Postgres;

/// <summary><see cref="ISetUpTokenStore"/> on PostgreSQL: table <c>setup_token</c>, one row at most (migration 18).</summary>
internal sealed class PostgresSetUpTokenStore(PostgresDatabase db) : ISetUpTokenStore
{
    /// <inheritdoc />
    public async Task ReplaceAsync(string tokenHash, Instant expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO setup_token (id, token_hash, expires_at) VALUES (1, $1, $2)
            ON CONFLICT (id) DO UPDATE SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at;
            """, connection);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = PostgresValues.ToColumn(expiresAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Instant?> ConsumeAsync(string tokenHash, Instant now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM setup_token WHERE token_hash = $1 AND expires_at > $2 RETURNING expires_at;", connection);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = PostgresValues.ToColumn(now), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime expires ? PostgresValues.ToInstant(expires) : null;
    }
}
