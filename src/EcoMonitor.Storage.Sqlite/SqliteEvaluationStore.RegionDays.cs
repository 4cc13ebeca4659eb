using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

internal sealed partial class SqliteEvaluationStore
{
    /// <inheritdoc />
    public Task ReplaceRegionDaysAsync(IReadOnlyList<RegionDayEvaluation> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        RegionDays.Check(days);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, days.Count, w => ReplaceRegionDays(w, days)), cancellationToken);
    }

    private static int ReplaceRegionDays(SqliteWriter writer, IReadOnlyList<RegionDayEvaluation> days)
    {
        using (SqliteCommand delete = writer.Connection.CreateCommand())
        {
            delete.CommandText = """
                DELETE FROM aqi_hour WHERE scope = $scope AND code = $code AND hour_start >= $from AND hour_start < $to;
                DELETE FROM aqi_day WHERE scope = $scope AND code = $code AND day = $day;
                """;
            SqliteParameter scope = delete.Parameters.Add("$scope", SqliteType.Text);
            SqliteParameter code = delete.Parameters.Add("$code", SqliteType.Text);
            SqliteParameter from = delete.Parameters.Add("$from", SqliteType.Integer);
            SqliteParameter to = delete.Parameters.Add("$to", SqliteType.Integer);
            SqliteParameter day = delete.Parameters.Add("$day", SqliteType.Integer);
            foreach (RegionDayEvaluation one in days)
            {
                scope.Value = StoreCodes.ToCode(one.Subject.Scope);
                code.Value = one.Subject.Code;
                from.Value = SqliteValues.ToColumn(ChinaTime.ToInstant(one.Day.AtMidnight()));
                to.Value = SqliteValues.ToColumn(ChinaTime.ToInstant(one.Day.PlusDays(1).AtMidnight()));
                day.Value = SqliteValues.DayColumn(one.Day);
                delete.ExecuteNonQuery();
            }
        }

        SaveHourly(writer, [.. days.SelectMany(d => d.Hours)]);
        SaveDaily(writer, [.. days.Where(d => d.Daily is not null).Select(d => d.Daily!)]);
        RebuildMonths(writer, days.Where(d => d.Daily is null)
            .Select(d => (StoreCodes.ToCode(d.Subject.Scope), d.Subject.Code, new LocalDate(d.Day.Year, d.Day.Month, 1))).Distinct());
        return days.Count;
    }
}
