using System.Text;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IEvaluationStore"/> on SQLite: hourly and daily AQI (<c>aqi_hour</c>, <c>aqi_day</c>, and the daily results of a subject and
/// month as one blob, ADR 0024); water days in <c>SqliteEvaluationStore.WaterDays.cs</c>. <see cref="RebuildMonths"/> is also
/// called by the import of <c>ecomon migrate</c>.
/// </summary>
internal sealed partial class SqliteEvaluationStore(SqliteDatabase db) : IEvaluationStore
{
    private const string HourColumns = "scope, code, hour_start, so2, no2, pm10, pm25, co, o3, aqi, primary_pollutants, exceeding_pollutants";
    /// <summary>Periods shorter than this many days are read through the (scope, day) index.</summary>
    private const int ShortPeriodDays = 31;

    private const string DayColumns = "scope, code, day, so2, no2, pm10, pm25, co, o3_max_1h, o3_max_8h, is_valid, aqi, primary_pollutants, exceeding_pollutants";

    /// <inheritdoc />
    public Task SaveHourlyAsync(IReadOnlyList<HourlyAqiRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, records.Count, w => SaveHourly(w, records)), cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveDailyAsync(IReadOnlyList<DailyAqiRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, records.Count, w => SaveDaily(w, records)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HourlyAqiRecord>> QueryHourlyAsync(EvaluationSubject subject, Instant firstHour, Instant endHour, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {HourColumns} FROM aqi_hour
            WHERE scope = $scope AND code = $code AND hour_start >= $from AND hour_start < $to
            ORDER BY hour_start;
            """;
        command.Parameters.AddWithValue("$scope", StoreCodes.ToCode(subject.Scope));
        command.Parameters.AddWithValue("$code", subject.Code);
        command.Parameters.AddWithValue("$from", SqliteValues.ToColumn(firstHour));
        command.Parameters.AddWithValue("$to", SqliteValues.ToColumn(endHour));
        return await ReadHourlyAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HourlyAqiRecord>> QueryLatestHourlyAsync(EvaluationScope scope, Instant before, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        // Per stored row of the scope, one primary-key seek for its subject's latest hour before the bound. Cost grows with
        // the stored hours of the scope (fine for the portal's network; a loose index scan over the codes measured slower
        // on the bundled SQLite and needs a look before a multi-year history of thousands of stations).
        command.CommandText = $"""
            SELECT {HourColumns} FROM aqi_hour AS a
            WHERE a.scope = $scope AND a.hour_start = (
                SELECT MAX(b.hour_start) FROM aqi_hour AS b WHERE b.scope = a.scope AND b.code = a.code AND b.hour_start < $before)
            ORDER BY a.code;
            """;
        command.Parameters.AddWithValue("$scope", StoreCodes.ToCode(scope));
        command.Parameters.AddWithValue("$before", SqliteValues.ToColumn(before));
        return await ReadHourlyAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<HourlyAqiRecord>> ReadHourlyAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<HourlyAqiRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new HourlyAqiRecord
            {
                Subject = new EvaluationSubject(StoreCodes.ToScope(reader.GetString(0)), reader.GetString(1)),
                HourStart = SqliteValues.ToInstant(reader.GetInt64(2)),
                So2 = SqliteValues.NullableDecimal(reader, 3),
                No2 = SqliteValues.NullableDecimal(reader, 4),
                Pm10 = SqliteValues.NullableDecimal(reader, 5),
                Pm25 = SqliteValues.NullableDecimal(reader, 6),
                Co = SqliteValues.NullableDecimal(reader, 7),
                O3 = SqliteValues.NullableDecimal(reader, 8),
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
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        // A long period of every subject reads the primary key in order ('+day' keeps SQLite off the (scope, day)
        // index, whose rows it would then sort); a short one reads that index and sorts the few rows it finds.
        string day = code is null && Period.DaysBetween(firstDay, lastDay) >= ShortPeriodDays ? "+day" : "day";
        command.CommandText = $"""
            SELECT {DayColumns} FROM aqi_day
            WHERE scope = $scope AND ($code IS NULL OR code = $code) AND {day} >= $from AND {day} <= $to
            ORDER BY code, day;
            """;
        command.Parameters.AddWithValue("$scope", StoreCodes.ToCode(scope));
        command.Parameters.AddWithValue("$code", (object?)code ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", SqliteValues.DayColumn(firstDay));
        command.Parameters.AddWithValue("$to", SqliteValues.DayColumn(lastDay));
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<DailyAqiRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new DailyAqiRecord
            {
                Subject = new EvaluationSubject(StoreCodes.ToScope(reader.GetString(0)), reader.GetString(1)),
                Day = ChinaTime.ToLocal(SqliteValues.ToInstant(reader.GetInt64(2))).Date,
                So2 = ReadTenths(reader, 3),
                No2 = ReadTenths(reader, 4),
                Pm10 = ReadTenths(reader, 5),
                Pm25 = ReadTenths(reader, 6),
                Co = ReadTenths(reader, 7),
                O3MaxHour = ReadTenths(reader, 8),
                O3MaxEightHour = ReadTenths(reader, 9),
                IsValid = reader.GetInt64(10) != 0,
                Aqi = reader.IsDBNull(11) ? null : reader.GetInt32(11),
                Primary = reader.GetString(12),
                Exceeding = reader.GetString(13),
            });
        }

        return records;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Reads the columnar copy (migration 10, ADR 0024): one row per subject and month, its days packed when they were
    /// saved, so a year of 1,000 stations is 12,000 rows instead of 365,000.
    /// </remarks>
    public async Task<IReadOnlyList<DailyAirSeries>> QueryDailySeriesAsync(
        EvaluationScope scope, string? code, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT code, month, days FROM aqi_day_month
            WHERE scope = $scope AND ($code IS NULL OR code = $code) AND month >= $from AND month <= $to
            ORDER BY code, month;
            """;
        command.Parameters.AddWithValue("$scope", StoreCodes.ToCode(scope));
        command.Parameters.AddWithValue("$code", (object?)code ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", (firstDay.Year * 100) + firstDay.Month);
        command.Parameters.AddWithValue("$to", (lastDay.Year * 100) + lastDay.Month);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        List<DailyAirSeries> series = [];
        DailyAirSeries? current = null;
        while (reader.Read())
        {
            string subject = reader.GetString(0);
            if (current is null || !string.Equals(current.Subject.Code, subject, StringComparison.Ordinal))
            {
                current = new DailyAirSeries(new EvaluationSubject(scope, subject), firstDay, lastDay);
                series.Add(current);
            }

            long month = reader.GetInt64(1);
            DailyMonthBlob.Read(current, (int)(month / 100), (int)(month % 100), (byte[])reader.GetValue(2));
        }

        series.RemoveAll(s => s.StoredDays == 0);
        return series;
    }

    private static int SaveHourly(SqliteWriter writer, IReadOnlyList<HourlyAqiRecord> records)
    {
        using SqliteCommand command = writer.Connection.CreateCommand();
        command.CommandText = $"INSERT OR REPLACE INTO aqi_hour ({HourColumns}) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);";
        SqliteParameterCollection p = SqliteValues.AddParameters(command, 12);
        foreach (HourlyAqiRecord r in records)
        {
            p[0].Value = StoreCodes.ToCode(r.Subject.Scope);
            p[1].Value = r.Subject.Code;
            p[2].Value = SqliteValues.ToColumn(r.HourStart);
            SetDecimals(p, 3, r.So2, r.No2, r.Pm10, r.Pm25, r.Co, r.O3);
            p[9].Value = (object?)r.Aqi ?? DBNull.Value;
            p[10].Value = r.Primary;
            p[11].Value = r.Exceeding;
            command.ExecuteNonQuery();
        }

        return records.Count;
    }

    private static int SaveDaily(SqliteWriter writer, IReadOnlyList<DailyAqiRecord> records)
    {
        using SqliteCommand command = writer.Connection.CreateCommand();
        command.CommandText = $"INSERT OR REPLACE INTO aqi_day ({DayColumns}) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13);";
        SqliteParameterCollection p = SqliteValues.AddParameters(command, 14);
        foreach (DailyAqiRecord r in records)
        {
            r.EnsureRounded();
            p[0].Value = StoreCodes.ToCode(r.Subject.Scope);
            p[1].Value = r.Subject.Code;
            p[2].Value = SqliteValues.DayColumn(r.Day);
            SetTenths(p, 3, r.So2, r.No2, r.Pm10, r.Pm25, r.Co, r.O3MaxHour, r.O3MaxEightHour);
            p[10].Value = r.IsValid ? 1 : 0;
            p[11].Value = (object?)r.Aqi ?? DBNull.Value;
            p[12].Value = r.Primary;
            p[13].Value = r.Exceeding;
            command.ExecuteNonQuery();
        }

        SaveMonths(writer, records);
        return records.Count;
    }

    /// <summary>Writes the columnar copy (aqi_day_month, ADR 0024) of each subject-month of <paramref name="records"/>, in the write's transaction.</summary>
    private static void SaveMonths(SqliteWriter writer, IReadOnlyList<DailyAqiRecord> records)
    {
        using SqliteCommand read = writer.Connection.CreateCommand();
        read.CommandText = "SELECT days FROM aqi_day_month WHERE scope = $scope AND code = $code AND month = $month;";
        using SqliteCommand write = writer.Connection.CreateCommand();
        write.CommandText = "INSERT OR REPLACE INTO aqi_day_month (scope, code, month, days) VALUES ($scope, $code, $month, $days);";
        foreach (IGrouping<(EvaluationSubject Subject, int Year, int Month), DailyAqiRecord> month in records.GroupBy(r => (r.Subject, r.Day.Year, r.Day.Month)))
        {
            (EvaluationSubject subject, int year, int monthOfYear) = month.Key;
            foreach (SqliteCommand command in (ReadOnlySpan<SqliteCommand>)[read, write])
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$scope", StoreCodes.ToCode(subject.Scope));
                command.Parameters.AddWithValue("$code", subject.Code);
                command.Parameters.AddWithValue("$month", (year * 100) + monthOfYear);
            }

            byte[] stored = read.ExecuteScalar() as byte[] ?? [];
            write.Parameters.AddWithValue("$days", DailyMonthBlob.Merge(stored, month, year, monthOfYear));
            write.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Rebuilds the columnar copy (ADR 0024) of each subject-month from its aqi_day rows, in SQL, in the caller's
    /// transaction: for rows written other than by <see cref="SaveDaily"/> (a store transfer).
    /// </summary>
    internal static void RebuildMonths(SqliteWriter writer, IEnumerable<(string Scope, string Code, LocalDate Month)> months)
    {
        using SqliteCommand command = writer.Connection.CreateCommand();
        command.CommandText = $"""
            DELETE FROM aqi_day_month WHERE scope = $scope AND code = $code AND month = $month;
            INSERT INTO aqi_day_month (scope, code, month, days)
            SELECT scope, code, $month, {SqliteMigrations.MonthBlob} FROM aqi_day
            WHERE scope = $scope AND code = $code AND day >= $from AND day < $to
            GROUP BY scope, code;
            """;
        SqliteParameter scope = command.Parameters.Add("$scope", SqliteType.Text);
        SqliteParameter code = command.Parameters.Add("$code", SqliteType.Text);
        SqliteParameter month = command.Parameters.Add("$month", SqliteType.Integer);
        SqliteParameter from = command.Parameters.Add("$from", SqliteType.Integer);
        SqliteParameter to = command.Parameters.Add("$to", SqliteType.Integer);
        foreach ((string Scope, string Code, LocalDate Month) one in months)
        {
            scope.Value = one.Scope;
            code.Value = one.Code;
            month.Value = (one.Month.Year * 100) + one.Month.Month;
            from.Value = SqliteValues.DayColumn(one.Month);
            to.Value = SqliteValues.DayColumn(one.Month.PlusMonths(1));
            command.ExecuteNonQuery();
        }
    }

    private static void SetDecimals(SqliteParameterCollection parameters, int first, params ReadOnlySpan<decimal?> values)
    {
        Span<byte> buffer = stackalloc byte[64];
        for (int i = 0; i < values.Length; i++)
        {
            parameters[first + i].Value = values[i] is { } v ? Encoding.UTF8.GetString(SqliteValues.ToUtf8(v, buffer)) : DBNull.Value;
        }
    }

    /// <summary>
    /// Daily values are stored as integer tenths (migration 5): they carry at most one decimal (GB/T 8170 rounding,
    /// CO to 0.1 mg/m³), and an integer column is read without parsing text. A value with more decimals is refused.
    /// </summary>
    private static void SetTenths(SqliteParameterCollection parameters, int first, params ReadOnlySpan<decimal?> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            parameters[first + i].Value = values[i] is { } v ? (long)(v * 10m) : DBNull.Value;
        }
    }

    private static decimal? ReadTenths(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DailyMonthBlob.FromTenths(reader.GetInt64(ordinal));
}
