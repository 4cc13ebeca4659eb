using System.Globalization;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Cli.Commands;

/// <summary>The human-readable output of <c>ecomon evaluate</c>: one line per day, then the period statistics.</summary>
internal static class EvaluateTable
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<DailyAqiRecord> daily, AirPeriodStatistics statistics)
    {
        await output.WriteLineAsync($"{statistics.Subject.Scope} {statistics.Subject.Code}  {statistics.FirstDay:yyyy-MM-dd} … {statistics.LastDay:yyyy-MM-dd}");
        await output.WriteLineAsync("day         AQI  category  primary        PM2.5  PM10  SO2  NO2   CO  O3-1h  O3-8h  valid");
        foreach (DailyAqiRecord d in daily)
        {
            string category = d.Aqi is { } aqi ? AqiCategories.For(aqi).Name : "-";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{d.Day:yyyy-MM-dd}  {Show(d.Aqi),4}  {category,-8}  {(d.Primary.Length > 0 ? d.Primary : "-"),-13}  {Show(d.Pm25),5}  {Show(d.Pm10),4}  {Show(d.So2),3}  {Show(d.No2),3}  {Show(d.Co),3}  {Show(d.O3MaxHour),5}  {Show(d.O3MaxEightHour),5}  {(d.IsValid ? "yes" : "no")}"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("item   days  mean  percentile     exceed  compliant");
        foreach (PeriodStatistics item in statistics.Items)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{AirPollutantFacts.Name(item.Pollutant),-5}  {item.ValidDays,4}  {Show(item.Mean),4}  P{item.PercentileRank} {Show(item.Percentile),6}  {item.ExceedanceDays,9}  {Show(item.IsCompliant)}"));
        }

        AqiDayStatistics days = statistics.Days;
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"valid days {days.ValidDays}; days per level 1–6: {string.Join(' ', days.DaysByLevel)}; good-day share {Show(days.GoodDayShare)} %"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"comprehensive index {Show(statistics.Index.Index)} (largest: {(statistics.Index.MaxPollutant is { } p ? AirPollutantFacts.Name(p) : "-")}); overall compliant {Show(statistics.IsCompliant)}"));
    }

    private static string Show<T>(T? value)
        where T : struct => value is { } v ? string.Format(CultureInfo.InvariantCulture, "{0}", v) : "-";
}
