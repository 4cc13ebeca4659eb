using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Monthly observation partitions and retention (ADR 0011): made ahead at migration and by the scheduled job
/// <c>storage.partitions</c> (<see cref="PartitionMaintenanceJob"/>), one node at a time under an advisory lock.
/// </summary>
internal sealed class PostgresPartitions(PostgresDatabase db, ILogger<PostgresPartitions> logger)
{
    private const string PartitionPrefix = "observation_y";

    /// <summary>
    /// Partition maintenance: creates the monthly observation partitions from last month through
    /// <see cref="PostgresStorageOptions.PartitionMonthsAhead"/> months ahead (moving any rows of such a month out of
    /// the default partition), then applies <see cref="PostgresStorageOptions.RetentionMonths"/>. Only one node does
    /// it at a time (a session advisory lock); returns false when another node holds the lock and nothing was done here.
    /// </summary>
    public async Task<bool> RunPartitionMaintenanceAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using (var tryLock = new NpgsqlCommand(
            $"SELECT pg_try_advisory_lock({AdvisoryLockKeys.ClassId}, {AdvisoryLockKeys.PartitionMaintenance});", connection))
        {
            if (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
            {
                PostgresLog.MaintenanceSkipped(logger);
                return false;
            }
        }

        try
        {
            DateTime now = db.TimeProvider.GetUtcNow().UtcDateTime;
            var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            for (int m = -1; m <= db.Options.PartitionMonthsAhead; m++)
            {
                await EnsurePartitionAsync(connection, thisMonth.AddMonths(m), cancellationToken);
            }

            if (db.Options.RetentionMonths > 0)
            {
                await ApplyRetentionAsync(connection, thisMonth.AddMonths(-db.Options.RetentionMonths), cancellationToken);
            }

            return true;
        }
        finally
        {
            await PostgresDatabase.ExecuteAsync(connection,
                $"SELECT pg_advisory_unlock({AdvisoryLockKeys.ClassId}, {AdvisoryLockKeys.PartitionMaintenance});", CancellationToken.None);
        }
    }

    /// <summary>The names of the monthly observation partitions, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListPartitionsAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        return await ListPartitionsAsync(connection, cancellationToken);
    }

    private static async Task<List<string>> ListPartitionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'observation'::regclass AND c.relname LIKE 'observation\_y%'
            ORDER BY c.relname;
            """, connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task EnsurePartitionAsync(NpgsqlConnection connection, DateTime monthStart, CancellationToken cancellationToken)
    {
        string name = PartitionName(monthStart);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL;", connection))
        {
            exists.Parameters.AddWithValue(name);
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }

        string from = Literal(monthStart);
        string to = Literal(monthStart.AddMonths(1));
        // Rows of this month that arrived before the partition existed sit in the default partition: move them into
        // the new table first, then attach it (attaching checks that the default partition holds none of its range).
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"""
            CREATE TABLE {name} (LIKE observation INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
            WITH moved AS (
                DELETE FROM observation_default WHERE period_start >= {from} AND period_start < {to} RETURNING *
            )
            INSERT INTO {name} SELECT * FROM moved;
            ALTER TABLE observation ATTACH PARTITION {name} FOR VALUES FROM ({from}) TO ({to});
            """, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        PostgresLog.PartitionCreated(logger, name);
    }

    private async Task ApplyRetentionAsync(NpgsqlConnection connection, DateTime cutoff, CancellationToken cancellationToken)
    {
        foreach (string name in await ListPartitionsAsync(connection, cancellationToken))
        {
            var start = DateTime.ParseExact(name[PartitionPrefix.Length..], "yyyy'm'MM", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            if (start.AddMonths(1) > cutoff)
            {
                continue;
            }

            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand($"""
                ALTER TABLE observation DETACH PARTITION {name};
                DROP TABLE {name};
                """, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            PostgresLog.PartitionDropped(logger, name);
        }

        await using NpgsqlTransaction cleanup = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"""
            SET LOCAL ecomon.retention = 'on';
            DELETE FROM observation_default WHERE period_start < {Literal(cutoff)};
            DELETE FROM observation_history WHERE period_start < {Literal(cutoff)};
            DELETE FROM observation_latest WHERE newest < {Literal(cutoff)};
            -- A stream's parameters that stopped reporting before the cutoff leave its latest values too.
            UPDATE observation_latest l SET data = k.data, parameters = k.parameters
            FROM (
                SELECT l2.stream_id, string_agg(e.entry, ';' ORDER BY e.n) AS data,
                       array_agg(split_part(e.entry, ',', 1) ORDER BY e.n) AS parameters, count(*) AS kept
                FROM observation_latest l2
                CROSS JOIN LATERAL string_to_table(l2.data, ';') WITH ORDINALITY AS e (entry, n)
                WHERE l2.newest + split_part(e.entry, ',', 2)::bigint * interval '1 microsecond' >= {Literal(cutoff)}
                GROUP BY l2.stream_id
            ) k
            WHERE l.stream_id = k.stream_id AND k.kept < cardinality(l.parameters);
            DELETE FROM raw_frame WHERE received_at < {Literal(cutoff)};
            """, connection, cleanup))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await cleanup.CommitAsync(cancellationToken);
    }

    private static string PartitionName(DateTime monthStart) =>
        PartitionPrefix + monthStart.ToString("yyyy'm'MM", CultureInfo.InvariantCulture);

    // DDL takes no parameters; the bounds are our own UTC month starts, formatted invariantly.
    private static string Literal(DateTime utc) =>
        "'" + utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00'::timestamptz";
}
