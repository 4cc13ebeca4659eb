using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary><see cref="IDustDayStore"/> on PostgreSQL: table <c>dust_day</c> (migration 23), one row per city and day.</summary>
internal sealed class PostgresDustDayStore(PostgresDatabase db) : IDustDayStore
{
    private const string Columns = "city, day, note, marked_by, marked_at";

    /// <inheritdoc />
    public Task<DustDay?> MarkAsync(DustDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            DustDay? before = await FindAsync(connection, transaction, day.City, day.Day, forUpdate: true, cancellationToken);
            await using var upsert = new NpgsqlCommand($"""
                INSERT INTO dust_day ({Columns}) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (city, day) DO UPDATE SET note = excluded.note, marked_by = excluded.marked_by, marked_at = excluded.marked_at;
                """, connection, transaction);
            upsert.Parameters.AddWithValue(day.City.Value);
            upsert.Parameters.Add(Day(day.Day));
            upsert.Parameters.AddWithValue(day.Note);
            upsert.Parameters.AddWithValue(day.MarkedBy);
            upsert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = PostgresValues.ToColumn(day.MarkedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            return before;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DustDay?> UnmarkAsync(RegionCode city, LocalDate day, CancellationToken cancellationToken) =>
        db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            DustDay? before = await FindAsync(connection, transaction, city, day, forUpdate: true, cancellationToken);
            await using var delete = new NpgsqlCommand("DELETE FROM dust_day WHERE city = $1 AND day = $2;", connection, transaction);
            delete.Parameters.AddWithValue(city.Value);
            delete.Parameters.Add(Day(day));
            await delete.ExecuteNonQueryAsync(cancellationToken);
            return before;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DustDay>> QueryAsync(string? cityPrefix, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM dust_day
            WHERE ($1::text IS NULL OR left(city, length($1)) = $1) AND day >= $2 AND day <= $3
            ORDER BY city, day;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string?> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = cityPrefix });
        command.Parameters.Add(Day(firstDay));
        command.Parameters.Add(Day(lastDay));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<DustDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(Read(reader));
        }

        return days;
    }

    private static async Task<DustDay?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RegionCode city, LocalDate day, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM dust_day WHERE city = $1 AND day = $2{(forUpdate ? " FOR UPDATE" : string.Empty)};", connection, transaction);
        command.Parameters.AddWithValue(city.Value);
        command.Parameters.Add(Day(day));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static NpgsqlParameter<DateOnly> Day(LocalDate day) => new() { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = day.ToDateOnly() };

    private static DustDay Read(NpgsqlDataReader reader) => new(
        RegionCode.Parse(reader.GetString(0)), LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1)), reader.GetString(2), reader.GetString(3),
        PostgresValues.ToInstant(reader.GetDateTime(4)));
}
