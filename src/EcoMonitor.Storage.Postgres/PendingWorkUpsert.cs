using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Records the station-days an append changed as pending work, in the append's transaction
/// (<see cref="IPendingWorkStore"/>): one set-based upsert per append (not one statement per value) that returns each
/// row's id and new version. Rows are locked in key order, so two nodes' concurrent appends never deadlock on them.
/// </summary>
internal static class PendingWorkUpsert
{
    private const string Upsert = """
        INSERT INTO work_pending (station_id, interval, day, version, changed_at)
        SELECT k.station_id, k.interval, k.day, 1, $4
        FROM unnest($1::text[], $2::text[], $3::date[]) AS k (station_id, interval, day)
        ORDER BY k.station_id COLLATE "C", k.interval, k.day
        ON CONFLICT (station_id, interval, day) DO UPDATE SET version = work_pending.version + 1, changed_at = excluded.changed_at
        RETURNING id, station_id, interval, day, version;
        """;

    /// <summary>
    /// Counts one more change of each station-day of <paramref name="observations"/> that <paramref name="outcomes"/>
    /// says was inserted or revised, changed at <paramref name="changedAt"/>; adds what that did to <paramref name="changes"/>.
    /// </summary>
    public static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome> outcomes,
        DateTime changedAt, List<DayChange>? changes, CancellationToken cancellationToken)
    {
        var days = new List<WorkDay>();
        ChangedDays.Collect(observations, outcomes, days, []);
        if (days.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(Upsert, connection, transaction);
        command.Parameters.Add(PostgresValues.TextArray([.. days.Select(d => d.Station.Value)]));
        command.Parameters.Add(PostgresValues.TextArray([.. days.Select(d => StoreCodes.ToCode(d.Interval))]));
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date, TypedValue = [.. days.Select(d => d.Day.ToDateOnly())] });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = changedAt });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = new WorkDay(
                StationId.Parse(reader.GetString(1)), StoreCodes.ToInterval(reader.GetString(2)), NodaTime.LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(3)));
            changes?.Add(new DayChange(day, reader.GetInt64(0), reader.GetInt64(4)));
        }
    }
}
