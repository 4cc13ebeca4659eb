using EcoMonitor.Application.Security;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IDataProtectionKeyStore"/> on SQLite: table <c>data_protection_key</c> (migration 14), the ASP.NET Core key
/// ring, only added to; synchronous like the framework's repository (the write takes the write lock by blocking).
/// </summary>
internal sealed class SqliteDataProtectionKeyStore(SqliteDatabase db) : IDataProtectionKeyStore
{
    /// <inheritdoc />
    public IReadOnlyList<StoredDataProtectionKey> ListDataProtectionKeys()
    {
        using SqliteConnection connection = db.OpenReader();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id, xml, created_at FROM data_protection_key ORDER BY created_at, id;";
        using SqliteDataReader reader = command.ExecuteReader();
        var keys = new List<StoredDataProtectionKey>();
        while (reader.Read())
        {
            keys.Add(new StoredDataProtectionKey(reader.GetString(0), reader.GetString(1), SqliteValues.ToInstant(reader.GetInt64(2))));
        }

        return keys;
    }

    /// <inheritdoc />
    /// <remarks>Synchronous like its caller (the key manager): takes the write lock by blocking.</remarks>
    public void AddDataProtectionKey(StoredDataProtectionKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        db.Write(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand command = w.Connection.CreateCommand();
            command.CommandText = "INSERT INTO data_protection_key (id, xml, created_at) VALUES ($id, $xml, $at);";
            command.Parameters.AddWithValue("$id", key.Id);
            command.Parameters.AddWithValue("$xml", key.Xml);
            command.Parameters.AddWithValue("$at", SqliteValues.ToColumn(key.CreatedAt));
            return command.ExecuteNonQuery();
        }));
    }
}
