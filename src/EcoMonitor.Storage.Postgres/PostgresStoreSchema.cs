using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IStoreSchema"/> on PostgreSQL: the migrations of <see cref="PostgresMigrations"/>, applied once across nodes under an
/// advisory lock, then partition maintenance.
/// </summary>
internal sealed class PostgresStoreSchema(PostgresDatabase db, PostgresPartitions partitions, ILogger<PostgresStoreSchema> logger) : IStoreSchema
{
    /// <inheritdoc />
    /// <remarks>
    /// Holds a session advisory lock while migrating, so that nodes starting together apply each migration once; then
    /// creates the observation partitions of the coming months (partition maintenance, also run on a schedule).
    /// </remarks>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using (NpgsqlConnection connection = await db.OpenAsync(cancellationToken))
        {
            await PostgresDatabase.ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKeys.ClassId}, {AdvisoryLockKeys.Migration});", cancellationToken);
            try
            {
                await MigrateAsync(connection, cancellationToken);
            }
            finally
            {
                await PostgresDatabase.ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKeys.ClassId}, {AdvisoryLockKeys.Migration});", CancellationToken.None);
            }
        }

        await partitions.RunPartitionMaintenanceAsync(cancellationToken);
    }

    private async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await PostgresDatabase.ExecuteAsync(connection, PostgresMigrations.CreateVersionTable, cancellationToken);
        // A migration is applied when its version is missing, not when it is above the highest applied one:
        // migrations written side by side (pre-assigned numbers) may land in any order of numbers.
        var applied = new HashSet<int>();
        await using (var version = new NpgsqlCommand("SELECT version FROM schema_version;", connection))
        await using (NpgsqlDataReader reader = await version.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (PostgresMigrations.Migration migration in PostgresMigrations.All)
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3);", connection, transaction))
            {
                record.Parameters.AddWithValue(migration.Version);
                record.Parameters.AddWithValue(migration.Description);
                record.Parameters.AddWithValue(db.TimeProvider.GetUtcNow().UtcDateTime);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied.Add(migration.Version);
            PostgresLog.MigrationApplied(logger, migration.Version, migration.Description);
        }

        PostgresLog.SchemaUpToDate(logger, applied.Count == 0 ? 0 : applied.Max());
    }
}
