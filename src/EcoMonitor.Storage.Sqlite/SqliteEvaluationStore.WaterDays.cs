using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

internal sealed partial class SqliteEvaluationStore
{
    /// <inheritdoc />
    public Task SaveWaterDaysAsync(IReadOnlyList<WaterDayRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, records.Count, w => SaveWaterDays(w, records)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WaterDayRecord>> QueryWaterDaysAsync(
        StationId? station, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT station_id, day, means, water_class FROM water_day
            WHERE ($station IS NULL OR station_id = $station) AND day >= $from AND day <= $to
            ORDER BY station_id, day;
            """;
        command.Parameters.AddWithValue("$station", (object?)station?.Value ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", SqliteValues.DayColumn(firstDay));
        command.Parameters.AddWithValue("$to", SqliteValues.DayColumn(lastDay));
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<WaterDayRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new WaterDayRecord
            {
                Station = StationId.Parse(reader.GetString(0)),
                Day = ChinaTime.ToLocal(SqliteValues.ToInstant(reader.GetInt64(1))).Date,
                Means = WaterItemMeanText.Parse(reader.GetString(2)),
                Class = reader.IsDBNull(3) ? null : reader.GetInt32(3),
            });
        }

        return records;
    }

    private static int SaveWaterDays(SqliteWriter writer, IReadOnlyList<WaterDayRecord> records)
    {
        using SqliteCommand command = writer.Connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO water_day (station_id, day, means, water_class) VALUES ($0, $1, $2, $3);";
        SqliteParameterCollection p = SqliteValues.AddParameters(command, 4);
        foreach (WaterDayRecord r in records)
        {
            p[0].Value = r.Station.Value;
            p[1].Value = SqliteValues.DayColumn(r.Day);
            p[2].Value = WaterItemMeanText.Format(r.Means);
            p[3].Value = (object?)r.Class ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        return records.Count;
    }
}
