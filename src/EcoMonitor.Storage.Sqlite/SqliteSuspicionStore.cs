using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="ISuspicionStore"/> on SQLite (ADR 0007): <c>outlet_suspicion</c>, one derived row per outlet and day.
/// </summary>
internal sealed class SqliteSuspicionStore(SqliteDatabase db) : ISuspicionStore
{
    /// <inheritdoc />
    public Task SaveSuspicionsAsync(IReadOnlyList<OutletSuspicion> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand upsert = w.Connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO outlet_suspicion (station_id, day, score, signs, values_examined, frames_examined, computed_at)
                VALUES ($0, $1, $2, $3, $4, $5, $6)
                ON CONFLICT (station_id, day) DO UPDATE SET
                    score = excluded.score, signs = excluded.signs, values_examined = excluded.values_examined,
                    frames_examined = excluded.frames_examined, computed_at = excluded.computed_at;
                """;
            SqliteParameterCollection p = SqliteValues.AddParameters(upsert, 7);
            foreach (OutletSuspicion d in days)
            {
                p[0].Value = d.Station.Value;
                p[1].Value = SqliteValues.DayColumn(d.Day);
                p[2].Value = d.Score;
                p[3].Value = SuspicionJson.Serialize(d.Signs);
                p[4].Value = d.ValuesExamined;
                p[5].Value = d.FramesExamined;
                p[6].Value = SqliteValues.ToColumn(d.ComputedAt);
                upsert.ExecuteNonQuery();
            }

            return days.Count;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutletSuspicion>> QuerySuspicionsAsync(
        StationId? station, LocalDate firstDay, LocalDate lastDay, int minimumScore, int limit, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT station_id, day, score, signs, values_examined, frames_examined, computed_at FROM outlet_suspicion
            WHERE day >= $from AND day <= $to AND score >= $minimum AND ($station IS NULL OR station_id = $station)
            ORDER BY score DESC, day, station_id
            LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$from", SqliteValues.DayColumn(firstDay));
        command.Parameters.AddWithValue("$to", SqliteValues.DayColumn(lastDay));
        command.Parameters.AddWithValue("$minimum", minimumScore);
        command.Parameters.AddWithValue("$station", (object?)station?.Value ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<OutletSuspicion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new OutletSuspicion
            {
                Station = StationId.Parse(reader.GetString(0)),
                Day = ChinaTime.ToLocal(SqliteValues.ToInstant(reader.GetInt64(1))).Date,
                Score = reader.GetInt32(2),
                Signs = SuspicionJson.Deserialize(reader.GetString(3)),
                ValuesExamined = reader.GetInt32(4),
                FramesExamined = reader.GetInt32(5),
                ComputedAt = SqliteValues.ToInstant(reader.GetInt64(6)),
            });
        }

        return days;
    }
}
