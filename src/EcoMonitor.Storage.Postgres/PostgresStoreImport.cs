using System.Globalization;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Storage.Transfer;
using EcoMonitor.Domain;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IStoreImport"/> on PostgreSQL: neutral pages written by binary COPY into a staging table, then merged, with
/// the cursor in the same transaction (ADR 0013).
/// </summary>
internal sealed class PostgresStoreImport(PostgresDatabase db) : IStoreImport
{
    /// <inheritdoc />
    public Task<long> CountAsync(string table, CancellationToken cancellationToken) =>
        PostgresStoreExport.CountRowsAsync(db, table, cancellationToken);

    /// <inheritdoc />
    public async Task<string?> CursorAsync(string table, CancellationToken cancellationToken)
    {
        _ = TransferTables.Of(table);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT cursor FROM transfer_cursor WHERE table_name = $1;", connection);
        command.Parameters.AddWithValue(table);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Binary COPY into a temporary table shaped like the neutral layout, then one insert into the real table (rows
    /// whose key exists are left alone), then the cursor — all in one transaction.
    /// </remarks>
    public Task WriteAsync(string table, TransferChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        TransferTable spec = TransferTables.Of(table);
        if (spec.Name == TransferTables.Observations)
        {
            return WriteObservationsAsync(chunk, cancellationToken);
        }

        NpgsqlDbType[] types = [.. spec.Columns.Select(c => PostgresStoreExport.DbTypeOf(c.Kind))];
        return db.InTransactionAsync(0, chunk.Rows.Count, async (connection, transaction) =>
        {
            string stage = "transfer_" + table;
            await using (var create = new NpgsqlCommand(
                $"CREATE TEMP TABLE IF NOT EXISTS {stage} ({string.Join(", ", spec.Columns.Select(c => c.Name + " " + PostgresStoreExport.SqlTypeOf(c.Kind)))}) ON COMMIT DELETE ROWS;", connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (NpgsqlBinaryImporter importer = await connection.BeginBinaryImportAsync($"COPY {stage} FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (object?[] row in chunk.Rows)
                {
                    await importer.StartRowAsync(cancellationToken);
                    for (int i = 0; i < types.Length; i++)
                    {
                        if (row[i] is null)
                        {
                            await importer.WriteNullAsync(cancellationToken);
                        }
                        else
                        {
                            await importer.WriteAsync(row[i], types[i], cancellationToken);
                        }
                    }
                }

                await importer.CompleteAsync(cancellationToken);
            }

            await using (var merge = new NpgsqlCommand(MergeStatement(spec, stage), connection, transaction))
            {
                await merge.ExecuteNonQueryAsync(cancellationToken);
            }

            await SaveCursorAsync(connection, transaction, table, chunk, cancellationToken);
            return chunk.Rows.Count;
        }, cancellationToken);
    }

    /// <summary>
    /// A page of observations (the neutral layout, one row per value) merged into the packed rows with the revision
    /// numbers they carry; values that exist are left alone.
    /// </summary>
    private async Task WriteObservationsAsync(TransferChunk chunk, CancellationToken cancellationToken)
    {
        StoredValue[] values = [.. chunk.Rows.Select(row => new StoredValue(new Observation
        {
            Station = StationId.Parse((string)row[0]!),
            Parameter = ParameterCode.Parse((string)row[1]!),
            Interval = StoreCodes.ToInterval((string)row[2]!),
            PeriodStart = PostgresValues.ToInstant((DateTime)row[3]!),
            Value = (decimal?)row[5],
            Min = (decimal?)row[6],
            Max = (decimal?)row[7],
            Total = (decimal?)row[8],
            ConvertedValue = (decimal?)row[9],
            Flag = DataFlag.Parse((string)row[10]!),
            Source = StoreCodes.ToSource(Convert.ToInt64(row[11], CultureInfo.InvariantCulture)),
            ReceivedAt = PostgresValues.ToInstant((DateTime)row[12]!),
        }, Convert.ToInt32(row[4], CultureInfo.InvariantCulture)))];
        int[] streamIds = await db.Streams.IdsAsync([.. values.Select(v => v.Observation)], cancellationToken);
        await db.InTransactionAsync(0, values.Length, async (connection, transaction) =>
        {
            await PackedMerge.ImportAsync(connection, transaction, values, streamIds, cancellationToken);
            await SaveCursorAsync(connection, transaction, TransferTables.Observations, chunk, cancellationToken);
            return values.Length;
        }, cancellationToken);
    }

    /// <summary>Where the copy of <paramref name="table"/> has got to, committed with the page.</summary>
    private static async Task SaveCursorAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, TransferChunk chunk, CancellationToken cancellationToken)
    {
        if (chunk.Cursor is null)
        {
            return;
        }

        await using var cursor = new NpgsqlCommand("""
            INSERT INTO transfer_cursor (table_name, cursor, copied) VALUES ($1, $2, $3)
            ON CONFLICT (table_name) DO UPDATE SET cursor = excluded.cursor, copied = transfer_cursor.copied + excluded.copied;
            """, connection, transaction);
        cursor.Parameters.AddWithValue(table);
        cursor.Parameters.AddWithValue(chunk.Cursor);
        cursor.Parameters.AddWithValue((long)chunk.Rows.Count);
        await cursor.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How one table's staged page is merged into the real table.</summary>
    private static string MergeStatement(TransferTable spec, string stage) => spec.Name switch
    {
        TransferTables.History => $"""
            {CreateSeries(stage)}
            INSERT INTO observation_history (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at)
            SELECT se.id, s.period_start, s.revision, s.value, s.min, s.max, s.total, s.converted, s.flag, s.source, s.received_at
            FROM {stage} s JOIN series se ON se.station_id = s.station_id AND se.parameter = s.parameter AND se.interval = s.interval
            ON CONFLICT (series_id, period_start, revision) DO NOTHING;
            """,
        // Frames have no natural key: exactly-once comes from the cursor committed with the page.
        TransferTables.Frames => $"INSERT INTO raw_frame ({spec.ColumnList}) SELECT {spec.ColumnList} FROM {stage} ORDER BY ctid;",
        // Kept ids: insert them over the identity, then move the identity past them for rows added later.
        TransferTables.ReviewDecisions or TransferTables.Alarms or TransferTables.AlarmNotifications or TransferTables.Accounts or TransferTables.ReportArchive => $"""
            INSERT INTO {spec.Name} ({spec.ColumnList}) OVERRIDING SYSTEM VALUE SELECT {spec.ColumnList} FROM {stage} ON CONFLICT DO NOTHING;
            SELECT setval(pg_get_serial_sequence('{spec.Name}', 'id'), max(id)) FROM {spec.Name} HAVING max(id) IS NOT NULL;
            """,
        _ => $"INSERT INTO {spec.Name} ({spec.ColumnList}) SELECT {spec.ColumnList} FROM {stage} ON CONFLICT DO NOTHING;",
    };

    private static string CreateSeries(string stage) => $"""
        INSERT INTO series (station_id, parameter, interval)
        SELECT DISTINCT s.station_id, s.parameter, s.interval FROM {stage} s
        WHERE NOT EXISTS (
            SELECT 1 FROM series x WHERE x.station_id = s.station_id AND x.parameter = s.parameter AND x.interval = s.interval)
        ORDER BY 1, 2, 3
        ON CONFLICT DO NOTHING;
        """;
}
