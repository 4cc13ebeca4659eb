using EcoMonitor.Application.Security;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IDataProtectionKeyStore"/> on PostgreSQL: table <c>data_protection_key</c> (migration 13), the ASP.NET Core
/// key ring, only added to; synchronous like the framework's repository.
/// </summary>
internal sealed class PostgresDataProtectionKeyStore(PostgresDatabase db) : IDataProtectionKeyStore
{
    /// <inheritdoc />
    public IReadOnlyList<StoredDataProtectionKey> ListDataProtectionKeys()
    {
        using NpgsqlConnection connection = db.OpenConnection();
        using var command = new NpgsqlCommand("SELECT id, xml, created_at FROM data_protection_key ORDER BY created_at, id;", connection);
        using NpgsqlDataReader reader = command.ExecuteReader();
        var keys = new List<StoredDataProtectionKey>();
        while (reader.Read())
        {
            keys.Add(new StoredDataProtectionKey(reader.GetString(0), reader.GetString(1), PostgresValues.ToInstant(reader.GetDateTime(2))));
        }

        return keys;
    }

    /// <inheritdoc />
    /// <remarks>Synchronous like its caller (the key manager); one statement, committed on its own.</remarks>
    public void AddDataProtectionKey(StoredDataProtectionKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using NpgsqlConnection connection = db.OpenConnection();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_key (id, xml, created_at) VALUES ($1, $2, $3);", connection);
        command.Parameters.AddWithValue(key.Id);
        command.Parameters.AddWithValue(key.Xml);
        command.Parameters.AddWithValue(PostgresValues.ToColumn(key.CreatedAt));
        command.ExecuteNonQuery();
    }
}
