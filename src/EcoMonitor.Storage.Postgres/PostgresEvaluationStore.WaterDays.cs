using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

internal sealed partial class PostgresEvaluationStore
{
    /// <inheritdoc />
    public Task SaveWaterDaysAsync(IReadOnlyList<WaterDayRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return db.InTransactionAsync(0, records.Count, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO water_day (station_id, day, means, water_class) VALUES ($1, $2, $3, $4)
                ON CONFLICT (station_id, day) DO UPDATE SET means = excluded.means, water_class = excluded.water_class;
                """, connection, transaction);
            foreach (WaterDayRecord r in records)
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue(r.Station.Value);
                command.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = r.Day.ToDateOnly() });
                command.Parameters.AddWithValue(WaterItemMeanText.Format(r.Means));
                command.Parameters.Add(new NpgsqlParameter<int?> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = r.Class });
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return records.Count;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WaterDayRecord>> QueryWaterDaysAsync(
        StationId? station, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT station_id, day, means, water_class FROM water_day
            WHERE ($1::text IS NULL OR station_id = $1) AND day >= $2 AND day <= $3
            ORDER BY station_id, day;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string?> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = station?.Value });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = firstDay.ToDateOnly() });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = lastDay.ToDateOnly() });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<WaterDayRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new WaterDayRecord
            {
                Station = StationId.Parse(reader.GetString(0)),
                Day = LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1)),
                Means = WaterItemMeanText.Parse(reader.GetString(2)),
                Class = reader.IsDBNull(3) ? null : reader.GetInt32(3),
            });
        }

        return records;
    }
}
