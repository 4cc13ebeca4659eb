using EcoMonitor.Application.Storage;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

internal sealed partial class SqliteStore : IStoreExport
{
    // The cursor is the last row's key columns joined by a unit separator (no key column can hold one).
    private const char CursorSeparator = '\u001f';

    /// <inheritdoc />
    public async Task<long> CountAsync(string table, CancellationToken cancellationToken)
    {
        var spec = ExportTable.Of(table);
        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {spec.CountFrom};";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<TransferChunk> ReadAsync(string table, string? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var spec = ExportTable.Of(table);
        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        string after = "";
        if (cursor is not null)
        {
            string[] parts = cursor.Split(CursorSeparator);
            if (parts.Length != spec.Key.Length)
            {
                throw new ArgumentException($"The cursor does not belong to table {table}.", nameof(cursor));
            }

            after = $"WHERE ({string.Join(", ", spec.Key)}) > ({string.Join(", ", parts.Select((_, i) => "$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
            for (int i = 0; i < parts.Length; i++)
            {
                command.Parameters.AddWithValue("$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    spec.IsIntegerKey[i] ? long.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture) : parts[i]);
            }
        }

        command.CommandText = $"SELECT {spec.Select}, {string.Join(", ", spec.Key)} FROM {spec.From} {after} ORDER BY {string.Join(", ", spec.Key)} LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        string? last = cursor;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(spec.Read(reader));
            int keyStart = reader.FieldCount - spec.Key.Length;
            last = string.Join(CursorSeparator, Enumerable.Range(keyStart, spec.Key.Length)
                .Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new TransferChunk(rows, last);
    }

    /// <summary>How one table is read in the neutral layout of <see cref="TransferTables"/>.</summary>
    private sealed record ExportTable(string From, string CountFrom, string Select, string[] Key, bool[] IsIntegerKey, Func<SqliteDataReader, object?[]> Read)
    {
        private const string ObservationSelect =
            "s.station_id, s.parameter, s.interval, o.period_start, o.revision, o.value, o.min, o.max, o.total, o.converted, o.flag, o.source, o.received_at";

        public static ExportTable Of(string table) => table switch
        {
            TransferTables.Stations => new("station", "station",
                "id, name, type, region, longitude, latitude, control_level, enterprise, password, encoding, period_label, water_target_class, noise_zone, is_active, water_body, drinking_water_source",
                ["id"], [false], r =>
                [
                    r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Nullable(r, 4, r.GetDouble), Nullable(r, 5, r.GetDouble),
                    r.GetString(6), Text(r, 7), r.GetString(8), r.GetString(9), r.GetString(10), Nullable(r, 11, r.GetInt32), Text(r, 12), r.GetBoolean(13), Text(r, 14), r.GetBoolean(15),
                ]),
            TransferTables.Observations => new("observation o JOIN series s ON s.id = o.series_id", "observation",
                ObservationSelect, ["o.series_id", "o.period_start"], [true, true], ReadObservation),
            TransferTables.History => new("observation_history o JOIN series s ON s.id = o.series_id", "observation_history",
                ObservationSelect, ["o.series_id", "o.period_start", "o.revision"], [true, true, true], ReadObservation),
            TransferTables.Frames => new("raw_frame", "raw_frame",
                "received_at, peer, station_id, command_code, request_number, bytes, outcome, reason", ["id"], [true], r =>
                [
                    Time(r, 0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), (byte[])r.GetValue(5), r.GetString(6), Text(r, 7),
                ]),
            TransferTables.Packets => new("packet", "packet",
                "station_id, request_number, packet_number, committed_at", ["station_id", "request_number", "packet_number"], [false, false, true], r =>
                [
                    r.GetString(0), r.GetString(1), r.GetInt32(2), Time(r, 3),
                ]),
            TransferTables.AqiHours => new("aqi_hour", "aqi_hour",
                "scope, code, hour_start, so2, no2, pm10, pm25, co, o3, aqi, primary_pollutants, exceeding_pollutants",
                ["scope", "code", "hour_start"], [false, false, true], r =>
                [
                    r.GetString(0), r.GetString(1), Time(r, 2), Number(r, 3), Number(r, 4), Number(r, 5), Number(r, 6), Number(r, 7), Number(r, 8),
                    Nullable(r, 9, r.GetInt32), r.GetString(10), r.GetString(11),
                ]),
            TransferTables.AqiDays => new("aqi_day", "aqi_day",
                "scope, code, day, so2, no2, pm10, pm25, co, o3_max_1h, o3_max_8h, is_valid, aqi, primary_pollutants, exceeding_pollutants",
                ["scope", "code", "day"], [false, false, true], r =>
                [
                    r.GetString(0), r.GetString(1), Domain.ChinaTime.ToLocal(SqliteValues.ToInstant(r.GetInt64(2))).Date.ToDateOnly(),
                    Tenths(r, 3), Tenths(r, 4), Tenths(r, 5), Tenths(r, 6), Tenths(r, 7), Tenths(r, 8), Tenths(r, 9),
                    r.GetInt64(10) != 0, Nullable(r, 11, r.GetInt32), r.GetString(12), r.GetString(13),
                ]),
            TransferTables.WaterDays => new("water_day", "water_day", "station_id, day, means, water_class", ["station_id", "day"], [false, true], r =>
                [
                    r.GetString(0), Domain.ChinaTime.ToLocal(SqliteValues.ToInstant(r.GetInt64(1))).Date.ToDateOnly(), r.GetString(2), Nullable(r, 3, r.GetInt32),
                ]),
            _ => throw new ArgumentException($"Unknown transfer table '{table}'.", nameof(table)),
        };

        private static object?[] ReadObservation(SqliteDataReader r) =>
        [
            r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3), r.GetInt32(4), Number(r, 5), Number(r, 6), Number(r, 7), Number(r, 8),
            Number(r, 9), r.GetString(10), (short)r.GetInt64(11), Time(r, 12),
        ];

        private static DateTime Time(SqliteDataReader r, int i) => SqliteValues.ToInstant(r.GetInt64(i)).ToDateTimeUtc();

        private static decimal? Number(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : SqliteValues.ParseDecimal(r.GetString(i));

        /// <summary>A daily value stored as integer tenths (migration 5).</summary>
        private static decimal? Tenths(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : new decimal(r.GetInt64(i)) / 10m;

        private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

        private static T? Nullable<T>(SqliteDataReader r, int i, Func<int, T> get)
            where T : struct => r.IsDBNull(i) ? null : get(i);
    }
}
