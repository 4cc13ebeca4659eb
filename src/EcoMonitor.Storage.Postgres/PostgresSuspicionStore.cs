using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="ISuspicionStore"/> on PostgreSQL (ADR 0007): <c>outlet_suspicion</c>, one derived row per outlet and day.
/// </summary>
internal sealed class PostgresSuspicionStore(PostgresDatabase db) : ISuspicionStore
{
    /// <inheritdoc />
    public Task SaveSuspicionsAsync(IReadOnlyList<OutletSuspicion> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO outlet_suspicion (station_id, day, score, signs, values_examined, frames_examined, computed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (station_id, day) DO UPDATE SET
                    score = excluded.score, signs = excluded.signs, values_examined = excluded.values_examined,
                    frames_examined = excluded.frames_examined, computed_at = excluded.computed_at;
                """, connection, transaction);
            foreach (OutletSuspicion d in days)
            {
                upsert.Parameters.Clear();
                upsert.Parameters.AddWithValue(d.Station.Value);
                upsert.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = d.Day.ToDateOnly() });
                upsert.Parameters.AddWithValue(d.Score);
                upsert.Parameters.AddWithValue(SuspicionJson.Serialize(d.Signs));
                upsert.Parameters.AddWithValue(d.ValuesExamined);
                upsert.Parameters.AddWithValue(d.FramesExamined);
                upsert.Parameters.Add(PostgresParameters.Time(d.ComputedAt));
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }

            return days.Count;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutletSuspicion>> QuerySuspicionsAsync(
        StationId? station, LocalDate firstDay, LocalDate lastDay, int minimumScore, int limit, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT station_id, day, score, signs, values_examined, frames_examined, computed_at FROM outlet_suspicion
            WHERE day >= $1 AND day <= $2 AND score >= $3 AND ($4::text IS NULL OR station_id = $4)
            ORDER BY score DESC, day, station_id
            LIMIT $5;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = firstDay.ToDateOnly() });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = lastDay.ToDateOnly() });
        command.Parameters.AddWithValue(minimumScore);
        command.Parameters.Add(PostgresParameters.Text(station?.Value));
        command.Parameters.AddWithValue(limit);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<OutletSuspicion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new OutletSuspicion
            {
                Station = StationId.Parse(reader.GetString(0)),
                Day = LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1)),
                Score = reader.GetInt32(2),
                Signs = SuspicionJson.Deserialize(reader.GetString(3)),
                ValuesExamined = reader.GetInt32(4),
                FramesExamined = reader.GetInt32(5),
                ComputedAt = PostgresValues.ToInstant(reader.GetDateTime(6)),
            });
        }

        return days;
    }
}
