using EcoMonitor.Application.Storage;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

internal sealed partial class PostgresStore : IStoreImport
{
    /// <inheritdoc />
    public async Task<string?> CursorAsync(string table, CancellationToken cancellationToken)
    {
        _ = ImportTable.Of(table);
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
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
        var spec = ImportTable.Of(table);
        return InTransactionAsync(0, chunk.Rows.Count, async (connection, transaction) =>
        {
            string stage = "transfer_" + table;
            await using (var create = new NpgsqlCommand(
                $"CREATE TEMP TABLE IF NOT EXISTS {stage} ({spec.StageColumns}) ON COMMIT DELETE ROWS;", connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (NpgsqlBinaryImporter importer = await connection.BeginBinaryImportAsync($"COPY {stage} FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (object?[] row in chunk.Rows)
                {
                    await importer.StartRowAsync(cancellationToken);
                    for (int i = 0; i < spec.Types.Length; i++)
                    {
                        if (row[i] is null)
                        {
                            await importer.WriteNullAsync(cancellationToken);
                        }
                        else
                        {
                            await importer.WriteAsync(row[i], spec.Types[i], cancellationToken);
                        }
                    }
                }

                await importer.CompleteAsync(cancellationToken);
            }

            await using (var merge = new NpgsqlCommand(spec.Merge(stage), connection, transaction))
            {
                await merge.ExecuteNonQueryAsync(cancellationToken);
            }

            if (chunk.Cursor is not null)
            {
                await using var cursor = new NpgsqlCommand("""
                    INSERT INTO transfer_cursor (table_name, cursor, copied) VALUES ($1, $2, $3)
                    ON CONFLICT (table_name) DO UPDATE SET cursor = excluded.cursor, copied = transfer_cursor.copied + excluded.copied;
                    """, connection, transaction);
                cursor.Parameters.AddWithValue(table);
                cursor.Parameters.AddWithValue(chunk.Cursor);
                cursor.Parameters.AddWithValue((long)chunk.Rows.Count);
                await cursor.ExecuteNonQueryAsync(cancellationToken);
            }

            return chunk.Rows.Count;
        }, cancellationToken);
    }

    /// <inheritdoc />
    async Task<long> IStoreImport.CountAsync(string table, CancellationToken cancellationToken)
    {
        _ = ImportTable.Of(table);
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table};", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>How one table of <see cref="TransferTables"/> is staged and merged.</summary>
    private sealed record ImportTable(string StageColumns, NpgsqlDbType[] Types, Func<string, string> Merge)
    {
        private const string ObservationStage = """
            station_id text COLLATE "C", parameter text COLLATE "C", interval text COLLATE "C", period_start timestamptz,
            revision integer, value numeric, min numeric, max numeric, total numeric, converted numeric, flag text,
            source smallint, received_at timestamptz
            """;

        private static readonly NpgsqlDbType[] ObservationTypes =
        [
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer,
            NpgsqlDbType.Numeric, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric,
            NpgsqlDbType.Text, NpgsqlDbType.Smallint, NpgsqlDbType.TimestampTz,
        ];

        public static ImportTable Of(string table) => table switch
        {
            TransferTables.Stations => new(
                """
                id text, name text, type text, region text, longitude double precision, latitude double precision,
                control_level text, enterprise text, password text, encoding text, period_label text,
                water_target_class integer, noise_zone text, is_active boolean, water_body text, drinking_water_source boolean
                """,
                [
                    NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Double, NpgsqlDbType.Double,
                    NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
                    NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.Text, NpgsqlDbType.Boolean,
                ],
                stage => $"INSERT INTO station SELECT * FROM {stage} ON CONFLICT (id) DO NOTHING;"),
            TransferTables.Observations => new(ObservationStage, ObservationTypes, stage => $"""
                {CreateSeries(stage)}
                INSERT INTO observation (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at)
                SELECT se.id, s.period_start, s.revision, s.value, s.min, s.max, s.total, s.converted, s.flag, s.source, s.received_at
                FROM {stage} s JOIN series se ON se.station_id = s.station_id AND se.parameter = s.parameter AND se.interval = s.interval
                ON CONFLICT (series_id, period_start) DO NOTHING;
                UPDATE series se SET latest_start = m.latest
                FROM (
                    SELECT x.id, max(s.period_start) AS latest FROM {stage} s
                    JOIN series x ON x.station_id = s.station_id AND x.parameter = s.parameter AND x.interval = s.interval
                    GROUP BY x.id
                ) m
                WHERE se.id = m.id AND (se.latest_start IS NULL OR se.latest_start < m.latest);
                """),
            TransferTables.History => new(ObservationStage, ObservationTypes, stage => $"""
                {CreateSeries(stage)}
                INSERT INTO observation_history (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at)
                SELECT se.id, s.period_start, s.revision, s.value, s.min, s.max, s.total, s.converted, s.flag, s.source, s.received_at
                FROM {stage} s JOIN series se ON se.station_id = s.station_id AND se.parameter = s.parameter AND se.interval = s.interval
                ON CONFLICT (series_id, period_start, revision) DO NOTHING;
                """),
            TransferTables.Frames => new(
                "received_at timestamptz, peer text, station_id text, command_code text, request_number text, bytes bytea, outcome text, reason text",
                [
                    NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
                    NpgsqlDbType.Bytea, NpgsqlDbType.Text, NpgsqlDbType.Text,
                ],
                // Frames have no natural key: exactly-once comes from the cursor committed with the page.
                stage => $"""
                    INSERT INTO raw_frame (received_at, peer, station_id, command_code, request_number, bytes, outcome, reason)
                    SELECT * FROM {stage};
                    """),
            TransferTables.Packets => new(
                "station_id text, request_number text, packet_number integer, committed_at timestamptz",
                [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.TimestampTz],
                stage => $"INSERT INTO packet SELECT * FROM {stage} ON CONFLICT DO NOTHING;"),
            TransferTables.AqiHours => new(
                """
                scope text, code text, hour_start timestamptz, so2 numeric, no2 numeric, pm10 numeric, pm25 numeric,
                co numeric, o3 numeric, aqi integer, primary_pollutants text, exceeding_pollutants text
                """,
                [
                    NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric,
                    NpgsqlDbType.Numeric, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric, NpgsqlDbType.Integer,
                    NpgsqlDbType.Text, NpgsqlDbType.Text,
                ],
                stage => $"INSERT INTO aqi_hour SELECT * FROM {stage} ON CONFLICT DO NOTHING;"),
            TransferTables.AqiDays => new(
                """
                scope text, code text, day date, so2 numeric, no2 numeric, pm10 numeric, pm25 numeric, co numeric,
                o3_max_1h numeric, o3_max_8h numeric, is_valid boolean, aqi integer, primary_pollutants text, exceeding_pollutants text
                """,
                [
                    NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric,
                    NpgsqlDbType.Numeric, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric,
                    NpgsqlDbType.Boolean, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text,
                ],
                stage => $"INSERT INTO aqi_day SELECT * FROM {stage} ON CONFLICT DO NOTHING;"),
            TransferTables.WaterDays => new(
                "station_id text, day date, means text, water_class integer",
                [NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Integer],
                stage => $"INSERT INTO water_day SELECT * FROM {stage} ON CONFLICT DO NOTHING;"),
            _ => throw new ArgumentException($"Unknown transfer table '{table}'.", nameof(table)),
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
}
