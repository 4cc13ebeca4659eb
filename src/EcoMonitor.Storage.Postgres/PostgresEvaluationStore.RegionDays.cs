using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

internal sealed partial class PostgresEvaluationStore
{
    /// <inheritdoc />
    public Task ReplaceRegionDaysAsync(IReadOnlyList<RegionDayEvaluation> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        RegionDays.Check(days);
        return db.InTransactionAsync(0, days.Count, async (connection, transaction) =>
        {
            // Positional parameters: one statement per command.
            await using var hours = new NpgsqlCommand(
                "DELETE FROM aqi_hour WHERE scope = $1 AND code = $2 AND hour_start >= $3 AND hour_start < $4;", connection, transaction);
            await using var day = new NpgsqlCommand("DELETE FROM aqi_day WHERE scope = $1 AND code = $2 AND day = $3;", connection, transaction);
            foreach (RegionDayEvaluation one in days)
            {
                hours.Parameters.Clear();
                hours.Parameters.AddWithValue(StoreCodes.ToCode(one.Subject.Scope));
                hours.Parameters.AddWithValue(one.Subject.Code);
                hours.Parameters.AddWithValue(PostgresValues.ToColumn(ChinaTime.ToInstant(one.Day.AtMidnight())));
                hours.Parameters.AddWithValue(PostgresValues.ToColumn(ChinaTime.ToInstant(one.Day.PlusDays(1).AtMidnight())));
                await hours.ExecuteNonQueryAsync(cancellationToken);
                day.Parameters.Clear();
                day.Parameters.AddWithValue(StoreCodes.ToCode(one.Subject.Scope));
                day.Parameters.AddWithValue(one.Subject.Code);
                day.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = one.Day.ToDateOnly() });
                await day.ExecuteNonQueryAsync(cancellationToken);
            }

            await SaveHourlyAsync(connection, transaction, [.. days.SelectMany(d => d.Hours)], cancellationToken);
            await SaveDailyAsync(connection, transaction, [.. days.Where(d => d.Daily is not null).Select(d => d.Daily!)], cancellationToken);
            return days.Count;
        }, cancellationToken);
    }
}
