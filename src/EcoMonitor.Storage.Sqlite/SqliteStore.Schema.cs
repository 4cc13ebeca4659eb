using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken) => WriteAsync(Migrate, cancellationToken);

    private int Migrate(SqliteWriter writer)
    {
        SqliteConnection connection = writer.Connection;
        Execute(connection, SqliteMigrations.CreateVersionTable);
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
                command.Parameters.AddWithValue("$at", SqliteValues.ToColumn(NodaTime.Instant.FromDateTimeOffset(_timeProvider.GetUtcNow())));
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            applied.Add(migration.Version);
            StorageLog.MigrationApplied(_logger, migration.Version, migration.Description);
        }

        int current = applied.Count == 0 ? 0 : applied.Max();
        StorageLog.SchemaUpToDate(_logger, current);
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
