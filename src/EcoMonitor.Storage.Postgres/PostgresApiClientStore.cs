using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IApiClientStore"/> on PostgreSQL: table <c>api_client</c> (primary key <c>id</c>, unique <c>name</c>;
/// migration 20). A name taken by another node at the same moment is caught by the unique keys (<c>ON CONFLICT</c>).
/// </summary>
internal sealed class PostgresApiClientStore(PostgresDatabase db) : IApiClientStore
{
    private const string Columns =
        "id, name, owner, permissions, jurisdiction, secret_hash, requests_per_second, burst, created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at";

    /// <inheritdoc />
    public async Task CreateAsync(ApiClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO api_client ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT DO NOTHING;
            """, connection);
        insert.Parameters.AddWithValue(client.Id);
        insert.Parameters.AddWithValue(client.Name);
        insert.Parameters.AddWithValue(client.Owner);
        insert.Parameters.AddWithValue(ApiClientColumns.JoinPermissions(client.Permissions));
        insert.Parameters.AddWithValue(client.Jurisdiction.Value);
        insert.Parameters.AddWithValue(client.SecretHash);
        insert.Parameters.AddWithValue(client.RequestsPerSecond);
        insert.Parameters.AddWithValue(client.Burst);
        insert.Parameters.Add(Time(client.CreatedAt));
        insert.Parameters.AddWithValue(client.CreatedBy);
        insert.Parameters.Add(Time(client.ExpiresAt));
        insert.Parameters.Add(Time(client.RevokedAt));
        insert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = client.RevokedBy, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(Time(client.LastUsedAt));
        if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new ApiClientConflictException($"an API client named '{client.Name}' (or with id '{client.Id}') exists already");
        }
    }

    /// <inheritdoc />
    public async Task<ApiClient?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        IReadOnlyList<ApiClient> found = await ReadAsync("id = $1", id, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken) => ReadAsync("true", null, cancellationToken);

    /// <inheritdoc />
    public async Task<ApiClient?> RevokeAsync(string id, string revokedBy, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(revokedBy);
        await using (NpgsqlConnection connection = await db.OpenAsync(cancellationToken))
        {
            await using var update = new NpgsqlCommand("UPDATE api_client SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL;", connection);
            update.Parameters.AddWithValue(id);
            update.Parameters.Add(Time(at));
            update.Parameters.AddWithValue(revokedBy);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return await FindAsync(id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task MarkUsedAsync(string id, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var update = new NpgsqlCommand(
            "UPDATE api_client SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2);", connection);
        update.Parameters.AddWithValue(id);
        update.Parameters.Add(Time(at));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<ApiClient>> ReadAsync(string where, string? id, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM api_client WHERE {where} ORDER BY name;", connection);
        if (id is not null)
        {
            command.Parameters.AddWithValue(id);
        }

        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
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
                CreatedAt = PostgresValues.ToInstant(reader.GetDateTime(8)),
                CreatedBy = reader.GetString(9),
                ExpiresAt = PostgresValues.ToInstant(reader.GetDateTime(10)),
                RevokedAt = reader.IsDBNull(11) ? null : PostgresValues.ToInstant(reader.GetDateTime(11)),
                RevokedBy = reader.IsDBNull(12) ? null : reader.GetString(12),
                LastUsedAt = reader.IsDBNull(13) ? null : PostgresValues.ToInstant(reader.GetDateTime(13)),
            });
        }

        return clients;
    }

    private static NpgsqlParameter<DateTime?> Time(Instant? value) =>
        new() { TypedValue = value is { } instant ? PostgresValues.ToColumn(instant) : null, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
