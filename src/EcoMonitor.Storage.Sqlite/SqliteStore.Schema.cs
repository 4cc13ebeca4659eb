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
        int current = CurrentVersion(connection);
        foreach (SqliteMigrations.Migration migration in SqliteMigrations.All)
        {
            if (migration.Version <= current)
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
            current = migration.Version;
            StorageLog.MigrationApplied(_logger, migration.Version, migration.Description);
        }

        StorageLog.SchemaUpToDate(_logger, current);
        return current;
    }

    private static int CurrentVersion(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return checked((int)(long)command.ExecuteScalar()!);
    }
}
