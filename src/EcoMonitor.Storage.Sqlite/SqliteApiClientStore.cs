using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IApiClientStore"/> on SQLite: table <c>api_client</c> (primary key <c>id</c>, unique <c>name</c>;
/// migration 20). Writes are serialised by the writer.
/// </summary>
internal sealed class SqliteApiClientStore(SqliteDatabase db) : IApiClientStore
{
    private const string Columns =
        "id, name, owner, permissions, jurisdiction, secret_hash, requests_per_second, burst, created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at";

    /// <inheritdoc />
    public async Task CreateAsync(ApiClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        bool stored = await db.WriteAsync(writer =>
        {
            using SqliteCommand insert = writer.Connection.CreateCommand();
            insert.CommandText = $"""
                INSERT INTO api_client ({Columns})
                VALUES ($id, $name, $owner, $permissions, $jurisdiction, $hash, $rate, $burst, $created, $by, $expires, $revoked, $revokedBy, $used)
                ON CONFLICT DO NOTHING;
                """;
            insert.Parameters.AddWithValue("$id", client.Id);
            insert.Parameters.AddWithValue("$name", client.Name);
            insert.Parameters.AddWithValue("$owner", client.Owner);
            insert.Parameters.AddWithValue("$permissions", ApiClientColumns.JoinPermissions(client.Permissions));
            insert.Parameters.AddWithValue("$jurisdiction", client.Jurisdiction.Value);
            insert.Parameters.AddWithValue("$hash", client.SecretHash);
            insert.Parameters.AddWithValue("$rate", client.RequestsPerSecond);
            insert.Parameters.AddWithValue("$burst", client.Burst);
            insert.Parameters.AddWithValue("$created", SqliteValues.ToColumn(client.CreatedAt));
            insert.Parameters.AddWithValue("$by", client.CreatedBy);
            insert.Parameters.AddWithValue("$expires", SqliteValues.ToColumn(client.ExpiresAt));
            insert.Parameters.AddWithValue("$revoked", client.RevokedAt is { } revoked ? SqliteValues.ToColumn(revoked) : DBNull.Value);
            insert.Parameters.AddWithValue("$revokedBy", (object?)client.RevokedBy ?? DBNull.Value);
            insert.Parameters.AddWithValue("$used", client.LastUsedAt is { } used ? SqliteValues.ToColumn(used) : DBNull.Value);
            return insert.ExecuteNonQuery() == 1;
        }, cancellationToken);
        if (!stored)
        {
            throw new ApiClientConflictException($"an API client named '{client.Name}' (or with id '{client.Id}') exists already");
        }
    }

    /// <inheritdoc />
    public async Task<ApiClient?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        IReadOnlyList<ApiClient> found = await ReadAsync(connection, "id = $id", id, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        return await ReadAsync(connection, "1 = 1", null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ApiClient?> RevokeAsync(string id, string revokedBy, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(revokedBy);
        await db.WriteAsync(writer =>
        {
            using SqliteCommand update = writer.Connection.CreateCommand();
            update.CommandText = "UPDATE api_client SET revoked_at = $at, revoked_by = $by WHERE id = $id AND revoked_at IS NULL;";
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$by", revokedBy);
            update.Parameters.AddWithValue("$at", SqliteValues.ToColumn(at));
            return update.ExecuteNonQuery();
        }, cancellationToken);
        return await FindAsync(id, cancellationToken);
    }

    /// <inheritdoc />
    public Task MarkUsedAsync(string id, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return db.WriteAsync(writer =>
        {
            using SqliteCommand update = writer.Connection.CreateCommand();
            update.CommandText = "UPDATE api_client SET last_used_at = $at WHERE id = $id AND (last_used_at IS NULL OR last_used_at < $at);";
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$at", SqliteValues.ToColumn(at));
            return update.ExecuteNonQuery();
        }, cancellationToken);
    }

    private static async Task<IReadOnlyList<ApiClient>> ReadAsync(SqliteConnection connection, string where, string? id, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_client WHERE {where} ORDER BY name;";
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var clients = new List<ApiClient>();
        while (await reader.ReadAsync(cancellationToken))
        {
            clients.Add(new ApiClient
            {
                Id = reader.GetString(0),
                Name = reader.GetString(1),
                Owner = reader.GetString(2),
                Permissions = ApiClientColumns.ParsePermissions(reader.GetString(3)),
                Jurisdiction = RegionCode.Parse(reader.GetString(4)),
                SecretHash = reader.GetString(5),
                RequestsPerSecond = reader.GetInt32(6),
                Burst = reader.GetInt32(7),
                CreatedAt = SqliteValues.ToInstant(reader.GetInt64(8)),
                CreatedBy = reader.GetString(9),
                ExpiresAt = SqliteValues.ToInstant(reader.GetInt64(10)),
                RevokedAt = reader.IsDBNull(11) ? null : SqliteValues.ToInstant(reader.GetInt64(11)),
                RevokedBy = reader.IsDBNull(12) ? null : reader.GetString(12),
                LastUsedAt = reader.IsDBNull(13) ? null : SqliteValues.ToInstant(reader.GetInt64(13)),
            });
        }

        return clients;
    }
}
