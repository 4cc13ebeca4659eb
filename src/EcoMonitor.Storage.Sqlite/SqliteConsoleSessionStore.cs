using EcoMonitor.Application.Security;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IConsoleSessionStore"/> on SQLite: table <c>console_session</c> (migration 14), sessions keyed by the SHA-256 of the
/// cookie's session key.
/// </summary>
internal sealed class SqliteConsoleSessionStore(SqliteDatabase db) : IConsoleSessionStore
{
    /// <inheritdoc />
    public Task CreateSessionAsync(ConsoleSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand command = w.Connection.CreateCommand();
            command.CommandText = """
                INSERT INTO console_session (id, user_name, ticket, created_at, last_seen_at, expires_at)
                VALUES ($id, $user, $ticket, $created, $seen, $expires);
                """;
            command.Parameters.AddWithValue("$id", session.Id);
            command.Parameters.AddWithValue("$user", session.User);
            command.Parameters.AddWithValue("$ticket", session.Ticket);
            command.Parameters.AddWithValue("$created", SqliteValues.ToColumn(session.CreatedAt));
            command.Parameters.AddWithValue("$seen", SqliteValues.ToColumn(session.LastSeenAt));
            command.Parameters.AddWithValue("$expires", SqliteValues.ToColumn(session.ExpiresAt));
            return command.ExecuteNonQuery();
        }), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConsoleSession?> FindSessionAsync(string id, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, ticket, created_at, last_seen_at, expires_at FROM console_session WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ConsoleSession
        {
            Id = id,
            User = reader.GetString(0),
            Ticket = (byte[])reader.GetValue(1),
            CreatedAt = SqliteValues.ToInstant(reader.GetInt64(2)),
            LastSeenAt = SqliteValues.ToInstant(reader.GetInt64(3)),
            ExpiresAt = SqliteValues.ToInstant(reader.GetInt64(4)),
        };
    }

    /// <inheritdoc />
    public async Task<bool> RenewSessionAsync(string id, byte[] ticket, Instant lastSeenAt, CancellationToken cancellationToken) =>
        await UpdateSessionAsync("UPDATE console_session SET ticket = $ticket, last_seen_at = max(last_seen_at, $seen) WHERE id = $id;", id, ticket, lastSeenAt, cancellationToken) > 0;

    /// <inheritdoc />
    public async Task<bool> TouchSessionAsync(string id, Instant lastSeenAt, CancellationToken cancellationToken) =>
        await UpdateSessionAsync("UPDATE console_session SET last_seen_at = max(last_seen_at, $seen) WHERE id = $id;", id, null, lastSeenAt, cancellationToken) > 0;

    /// <inheritdoc />
    public async Task<bool> DeleteSessionAsync(string id, CancellationToken cancellationToken) =>
        await db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand command = w.Connection.CreateCommand();
            command.CommandText = "DELETE FROM console_session WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery();
        }), cancellationToken) > 0;

    /// <inheritdoc />
    public Task<int> DeleteExpiredSessionsAsync(Instant now, Duration idleTimeout, CancellationToken cancellationToken) =>
        db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand command = w.Connection.CreateCommand();
            command.CommandText = "DELETE FROM console_session WHERE expires_at <= $now OR last_seen_at <= $idleSince;";
            command.Parameters.AddWithValue("$now", SqliteValues.ToColumn(now));
            command.Parameters.AddWithValue("$idleSince", SqliteValues.ToColumn(now - idleTimeout));
            return command.ExecuteNonQuery();
        }), cancellationToken);

    private Task<int> UpdateSessionAsync(string sql, string id, byte[]? ticket, Instant lastSeenAt, CancellationToken cancellationToken) =>
        db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand command = w.Connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$seen", SqliteValues.ToColumn(lastSeenAt));
            if (ticket is not null)
            {
                command.Parameters.AddWithValue("$ticket", ticket);
            }

            return command.ExecuteNonQuery();
        }), cancellationToken);
}
