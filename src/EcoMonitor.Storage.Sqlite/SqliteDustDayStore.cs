using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IDustDayStore"/> on SQLite: table <c>dust_day</c> (migration 23), one row per city and day (day as the
/// Unix milliseconds of its 00:00 CST, like <c>aqi_day</c>).
/// </summary>
internal sealed class SqliteDustDayStore(SqliteDatabase db) : IDustDayStore
{
    private const string Columns = "city, day, note, marked_by, marked_at";

    /// <inheritdoc />
    public Task<DustDay?> MarkAsync(DustDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        return db.WriteAsync(
            writer => db.InTransaction(writer, 0, 0, w =>
            {
                DustDay? before = Find(w.Connection, day.City, day.Day);
                using SqliteCommand upsert = w.Connection.CreateCommand();
                upsert.CommandText = $"INSERT OR REPLACE INTO dust_day ({Columns}) VALUES ($city, $day, $note, $by, $at);";
                upsert.Parameters.AddWithValue("$city", day.City.Value);
                upsert.Parameters.AddWithValue("$day", SqliteValues.DayColumn(day.Day));
                upsert.Parameters.AddWithValue("$note", day.Note);
                upsert.Parameters.AddWithValue("$by", day.MarkedBy);
                upsert.Parameters.AddWithValue("$at", SqliteValues.ToColumn(day.MarkedAt));
                upsert.ExecuteNonQuery();
                return before;
            }),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<DustDay?> UnmarkAsync(RegionCode city, LocalDate day, CancellationToken cancellationToken) =>
        db.WriteAsync(
            writer => db.InTransaction(writer, 0, 0, w =>
            {
                DustDay? before = Find(w.Connection, city, day);
                using SqliteCommand delete = w.Connection.CreateCommand();
                delete.CommandText = "DELETE FROM dust_day WHERE city = $city AND day = $day;";
                delete.Parameters.AddWithValue("$city", city.Value);
                delete.Parameters.AddWithValue("$day", SqliteValues.DayColumn(day));
                delete.ExecuteNonQuery();
                return before;
            }),
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DustDay>> QueryAsync(string? cityPrefix, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM dust_day
            WHERE ($prefix IS NULL OR substr(city, 1, length($prefix)) = $prefix) AND day >= $from AND day <= $to
            ORDER BY city, day;
            """;
        command.Parameters.AddWithValue("$prefix", (object?)cityPrefix ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", SqliteValues.DayColumn(firstDay));
        command.Parameters.AddWithValue("$to", SqliteValues.DayColumn(lastDay));
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<DustDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(Read(reader));
        }

        return days;
    }

    private static DustDay? Find(SqliteConnection connection, RegionCode city, LocalDate day)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM dust_day WHERE city = $city AND day = $day;";
        command.Parameters.AddWithValue("$city", city.Value);
        command.Parameters.AddWithValue("$day", SqliteValues.DayColumn(day));
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static DustDay Read(SqliteDataReader reader) => new(
        RegionCode.Parse(reader.GetString(0)), ChinaTime.ToLocal(SqliteValues.ToInstant(reader.GetInt64(1))).Date, reader.GetString(2),
        reader.GetString(3), SqliteValues.ToInstant(reader.GetInt64(4)));
}
