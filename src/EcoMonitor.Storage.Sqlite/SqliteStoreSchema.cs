using EcoMonitor.Application.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IStoreSchema"/> on SQLite: the migrations of <see cref="SqliteMigrations"/>, applied on the writer connection.
/// </summary>
internal sealed class SqliteStoreSchema(SqliteDatabase db, ILogger<SqliteStoreSchema> logger) : IStoreSchema
{
    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken) => db.WriteAsync(Migrate, cancellationToken);

    private int Migrate(SqliteWriter writer)
    {
        SqliteConnection connection = writer.Connection;
        SqliteDatabase.Execute(connection, SqliteMigrations.CreateVersionTable);
        HashSet<int> applied = AppliedVersions(connection);
        foreach (SqliteMigrations.Migration migration in SqliteMigrations.All)
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            using (SqliteCommand command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql;
                command.ExecuteNonQuery();
                command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, $at);";
                command.Parameters.AddWithValue("$version", migration.Version);
                command.Parameters.AddWithValue("$description", migration.Description);
                command.Parameters.AddWithValue("$at", SqliteValues.ToColumn(NodaTime.Instant.FromDateTimeOffset(db.TimeProvider.GetUtcNow())));
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            applied.Add(migration.Version);
            StorageLog.MigrationApplied(logger, migration.Version, migration.Description);
        }

        int current = applied.Count == 0 ? 0 : applied.Max();
        StorageLog.SchemaUpToDate(logger, current);
        return current;
    }

    /// <summary>
    /// The versions already applied. A migration is applied when its version is missing, not when it is above the
    /// highest applied one: migrations written side by side may land in any order of numbers.
    /// </summary>
    private static HashSet<int> AppliedVersions(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version;";
        using SqliteDataReader reader = command.ExecuteReader();
        HashSet<int> versions = [];
        while (reader.Read())
        {
            versions.Add(checked((int)reader.GetInt64(0)));
        }

        return versions;
    }
}
