using EcoMonitor.Application.Security;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IConsoleSessionStore"/> on PostgreSQL: table <c>console_session</c> (migration 13), sessions keyed by the SHA-256 of
/// the cookie's session key.
/// </summary>
internal sealed class PostgresConsoleSessionStore(PostgresDatabase db) : IConsoleSessionStore
{
    /// <inheritdoc />
    public Task CreateSessionAsync(ConsoleSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO console_session (id, user_name, ticket, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6);
                """, connection, transaction);
            command.Parameters.AddWithValue(session.Id);
            command.Parameters.AddWithValue(session.User);
            command.Parameters.AddWithValue(session.Ticket);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(session.CreatedAt));
            command.Parameters.AddWithValue(PostgresValues.ToColumn(session.LastSeenAt));
            command.Parameters.AddWithValue(PostgresValues.ToColumn(session.ExpiresAt));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConsoleSession?> FindSessionAsync(string id, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT user_name, ticket, created_at, last_seen_at, expires_at FROM console_session WHERE id = $1;", connection);
        command.Parameters.AddWithValue(id);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ConsoleSession
        {
            Id = id,
            User = reader.GetString(0),
            Ticket = reader.GetFieldValue<byte[]>(1),
            CreatedAt = PostgresValues.ToInstant(reader.GetDateTime(2)),
            LastSeenAt = PostgresValues.ToInstant(reader.GetDateTime(3)),
            ExpiresAt = PostgresValues.ToInstant(reader.GetDateTime(4)),
        };
    }

    /// <inheritdoc />
    public async Task<bool> RenewSessionAsync(string id, byte[] ticket, Instant lastSeenAt, CancellationToken cancellationToken) =>
        await UpdateSessionAsync("UPDATE console_session SET ticket = $3, last_seen_at = greatest(last_seen_at, $2) WHERE id = $1;", id, ticket, lastSeenAt, cancellationToken) > 0;

    /// <inheritdoc />
    public async Task<bool> TouchSessionAsync(string id, Instant lastSeenAt, CancellationToken cancellationToken) =>
        await UpdateSessionAsync("UPDATE console_session SET last_seen_at = greatest(last_seen_at, $2) WHERE id = $1;", id, null, lastSeenAt, cancellationToken) > 0;

    /// <inheritdoc />
    public async Task<bool> DeleteSessionAsync(string id, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM console_session WHERE id = $1;", connection, transaction);
            command.Parameters.AddWithValue(id);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken) > 0;

    /// <inheritdoc />
    public Task<int> DeleteExpiredSessionsAsync(Instant now, Duration idleTimeout, CancellationToken cancellationToken) =>
        db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM console_session WHERE expires_at <= $1 OR last_seen_at <= $2;", connection, transaction);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(now));
            command.Parameters.AddWithValue(PostgresValues.ToColumn(now - idleTimeout));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private Task<int> UpdateSessionAsync(string sql, string id, byte[]? ticket, Instant lastSeenAt, CancellationToken cancellationToken) =>
        db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue(id);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(lastSeenAt));
            if (ticket is not null)
            {
                command.Parameters.AddWithValue(ticket);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
