using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Storage;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IEvaluationStore"/> on PostgreSQL: hourly and daily AQI (<c>aqi_hour</c>, <c>aqi_day</c>); water days in
/// <c>PostgresEvaluationStore.WaterDays.cs</c>.
/// </summary>
internal sealed partial class PostgresEvaluationStore(PostgresDatabase db) : IEvaluationStore
{
    private const string HourColumns = "scope, code, hour_start, so2, no2, pm10, pm25, co, o3, aqi, primary_pollutants, exceeding_pollutants";
    private const string DayColumns = "scope, code, day, so2, no2, pm10, pm25, co, o3_max_1h, o3_max_8h, is_valid, aqi, primary_pollutants, exceeding_pollutants";

    /// <inheritdoc />
    public Task SaveHourlyAsync(IReadOnlyList<HourlyAqiRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return db.InTransactionAsync(0, records.Count, async (connection, transaction) =>
        {
            await SaveHourlyAsync(connection, transaction, records, cancellationToken);
            return records.Count;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveDailyAsync(IReadOnlyList<DailyAqiRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return db.InTransactionAsync(0, records.Count, async (connection, transaction) =>
        {
            await SaveDailyAsync(connection, transaction, records, cancellationToken);
            return records.Count;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HourlyAqiRecord>> QueryHourlyAsync(EvaluationSubject subject, Instant firstHour, Instant endHour, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {HourColumns} FROM aqi_hour
            WHERE scope = $1 AND code = $2 AND hour_start >= $3 AND hour_start < $4
            ORDER BY hour_start;
            """, connection);
        command.Parameters.AddWithValue(StoreCodes.ToCode(subject.Scope));
        command.Parameters.AddWithValue(subject.Code);
        command.Parameters.AddWithValue(PostgresValues.ToColumn(firstHour));
        command.Parameters.AddWithValue(PostgresValues.ToColumn(endHour));
        return await ReadHourlyAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HourlyAqiRecord>> QueryLatestHourlyAsync(EvaluationScope scope, Instant before, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT DISTINCT ON (code) {HourColumns} FROM aqi_hour
            WHERE scope = $1 AND hour_start < $2
            ORDER BY code, hour_start DESC;
            """, connection);
        command.Parameters.AddWithValue(StoreCodes.ToCode(scope));
        command.Parameters.AddWithValue(PostgresValues.ToColumn(before));
        return await ReadHourlyAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<HourlyAqiRecord>> ReadHourlyAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<HourlyAqiRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new HourlyAqiRecord
            {
                Subject = new EvaluationSubject(StoreCodes.ToScope(reader.GetString(0)), reader.GetString(1)),
                HourStart = PostgresValues.ToInstant(reader.GetDateTime(2)),
                So2 = PostgresParameters.NullableDecimal(reader, 3),
                No2 = PostgresParameters.NullableDecimal(reader, 4),
                Pm10 = PostgresParameters.NullableDecimal(reader, 5),
                Pm25 = PostgresParameters.NullableDecimal(reader, 6),
                Co = PostgresParameters.NullableDecimal(reader, 7),
                O3 = PostgresParameters.NullableDecimal(reader, 8),
                Aqi = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                Primary = reader.GetString(10),
                Exceeding = reader.GetString(11),
            });
        }

        return records;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DailyAqiRecord>> QueryDailyAsync(
        EvaluationScope scope, string? code, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {DayColumns} FROM aqi_day
            WHERE scope = $1 AND ($2::text IS NULL OR code = $2) AND day >= $3 AND day <= $4
            ORDER BY code, day;
            """, connection);
        command.Parameters.AddWithValue(StoreCodes.ToCode(scope));
        command.Parameters.Add(new NpgsqlParameter<string?> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = code });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = firstDay.ToDateOnly() });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = lastDay.ToDateOnly() });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<DailyAqiRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new DailyAqiRecord
            {
                Subject = new EvaluationSubject(StoreCodes.ToScope(reader.GetString(0)), reader.GetString(1)),
                Day = LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(2)),
                So2 = PostgresParameters.NullableDecimal(reader, 3),
                No2 = PostgresParameters.NullableDecimal(reader, 4),
                Pm10 = PostgresParameters.NullableDecimal(reader, 5),
                Pm25 = PostgresParameters.NullableDecimal(reader, 6),
                Co = PostgresParameters.NullableDecimal(reader, 7),
                O3MaxHour = PostgresParameters.NullableDecimal(reader, 8),
                O3MaxEightHour = PostgresParameters.NullableDecimal(reader, 9),
                IsValid = reader.GetBoolean(10),
                Aqi = reader.IsDBNull(11) ? null : reader.GetInt32(11),
                Primary = reader.GetString(12),
                Exceeding = reader.GetString(13),
            });
        }

        return records;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DailyAirSeries>> QueryDailySeriesAsync(
        EvaluationScope scope, string? code, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken) =>
        DailyAirSeries.GroupBySubject(await QueryDailyAsync(scope, code, firstDay, lastDay, cancellationToken), firstDay, lastDay);

    private static async Task SaveHourlyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<HourlyAqiRecord> records, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO aqi_hour ({HourColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (scope, code, hour_start) DO UPDATE SET
                so2 = excluded.so2, no2 = excluded.no2, pm10 = excluded.pm10, pm25 = excluded.pm25, co = excluded.co,
                o3 = excluded.o3, aqi = excluded.aqi, primary_pollutants = excluded.primary_pollutants,
                exceeding_pollutants = excluded.exceeding_pollutants;
            """, connection, transaction);
        foreach (HourlyAqiRecord r in records)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue(StoreCodes.ToCode(r.Subject.Scope));
            command.Parameters.AddWithValue(r.Subject.Code);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(r.HourStart));
            AddDecimals(command, r.So2, r.No2, r.Pm10, r.Pm25, r.Co, r.O3);
            command.Parameters.Add(new NpgsqlParameter<int?> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = r.Aqi });
            command.Parameters.AddWithValue(r.Primary);
            command.Parameters.AddWithValue(r.Exceeding);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task SaveDailyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DailyAqiRecord> records, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO aqi_day ({DayColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (scope, code, day) DO UPDATE SET
                so2 = excluded.so2, no2 = excluded.no2, pm10 = excluded.pm10, pm25 = excluded.pm25, co = excluded.co,
                o3_max_1h = excluded.o3_max_1h, o3_max_8h = excluded.o3_max_8h, is_valid = excluded.is_valid,
                aqi = excluded.aqi, primary_pollutants = excluded.primary_pollutants,
                exceeding_pollutants = excluded.exceeding_pollutants;
            """, connection, transaction);
        foreach (DailyAqiRecord r in records)
        {
            r.EnsureRounded();
            command.Parameters.Clear();
            command.Parameters.AddWithValue(StoreCodes.ToCode(r.Subject.Scope));
            command.Parameters.AddWithValue(r.Subject.Code);
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = r.Day.ToDateOnly() });
            AddDecimals(command, r.So2, r.No2, r.Pm10, r.Pm25, r.Co, r.O3MaxHour, r.O3MaxEightHour);
            command.Parameters.AddWithValue(r.IsValid);
            command.Parameters.Add(new NpgsqlParameter<int?> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = r.Aqi });
            command.Parameters.AddWithValue(r.Primary);
            command.Parameters.AddWithValue(r.Exceeding);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void AddDecimals(NpgsqlCommand command, params ReadOnlySpan<decimal?> values)
    {
        foreach (decimal? value in values)
        {
            command.Parameters.Add(PostgresParameters.Numeric(value));
        }
    }
}
