using System.Globalization;
using EcoMonitor.Application.Reports;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Reports;

/// <summary>The period text of each report kind: <c>yyyy-MM-dd</c> for the daily bulletin, <c>yyyy-MM</c> for the monthly report, <c>yyyy</c> for the annual report.</summary>
public static class ReportPeriods
{
    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");
    private static readonly YearMonthPattern Month = YearMonthPattern.CreateWithInvariantCulture("uuuu'-'MM");
    private static readonly LocalDatePattern Year = LocalDatePattern.CreateWithInvariantCulture("uuuu");

    /// <summary>A day as its period text.</summary>
    public static string Format(LocalDate day) => Day.Format(day);

    /// <summary>A month as its period text.</summary>
    public static string Format(YearMonth month) => Month.Format(month);

    /// <summary>A year as its period text (four digits).</summary>
    public static string Format(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Checks <paramref name="period"/> against <paramref name="kind"/>'s form (years 2000–2099).</summary>
    public static bool IsValid(ReportKind kind, string? period) => kind switch
    {
        ReportKind.DailyBulletin => Day.Parse(period ?? "").TryGetValue(default, out LocalDate d) && d.Year is >= 2000 and <= 2099,
        ReportKind.MonthlyAir or ReportKind.MonthlyWater => Month.Parse(period ?? "").TryGetValue(default, out YearMonth m) && m.Year is >= 2000 and <= 2099,
        ReportKind.AnnualAir => Year.Parse(period ?? "").TryGetValue(default, out LocalDate y) && y.Year is >= 2000 and <= 2099,
    };

    /// <summary>The day of a daily bulletin's period (valid per <see cref="IsValid"/>).</summary>
    public static LocalDate ParseDay(string period) => Day.Parse(period).Value;

    /// <summary>The month of a monthly report's period (valid per <see cref="IsValid"/>).</summary>
    public static YearMonth ParseMonth(string period) => Month.Parse(period).Value;

    /// <summary>The year of an annual report's period (valid per <see cref="IsValid"/>).</summary>
    public static int ParseYear(string period) => Year.Parse(period).Value.Year;

    /// <summary>The form a kind's period takes, for error messages.</summary>
    public static string Form(ReportKind kind) => kind switch
    {
        ReportKind.DailyBulletin => "a day, yyyy-MM-dd (e.g. 2019-12-20)",
        ReportKind.MonthlyAir or ReportKind.MonthlyWater => string.Create(CultureInfo.InvariantCulture, $"a month, yyyy-MM (e.g. 2019-12)"),
        ReportKind.AnnualAir => "a year, yyyy (e.g. 2019)",
    };
}
