using EcoMonitor.Application.Reports;
using EcoMonitor.Reports;
using NodaTime;

namespace EcoMonitor.Web.Tests.Reports;

/// <summary>Which reports the schedule finds due at which China Standard Time.</summary>
[Trait("Area", "Reports")]
public sealed class ReportScheduleJobTests
{
    private static readonly ReportOptions Defaults = new();

    [Theory]
    [InlineData("2026-12-08T08:59:59", "2026-12-06")]
    [InlineData("2026-12-08T09:00:00", "2026-12-07")]
    [InlineData("2026-12-08T23:59:59", "2026-12-07")]
    [InlineData("2027-01-01T00:00:00", "2026-12-30")]
    [InlineData("2027-01-01T09:00:00", "2026-12-31")]
    [InlineData("2028-03-01T09:30:00", "2028-02-29")]
    public void Due_DailyBulletin_IsTheDayBefore_FromNineOClock(string now, string day) =>
        Assert.Equal(day, PeriodOf(ReportKind.DailyBulletin, now, Defaults));

    [Theory]
    [InlineData("2026-12-03T07:59:59", "2026-10")]
    [InlineData("2026-12-03T08:00:00", "2026-11")]
    [InlineData("2026-12-02T23:00:00", "2026-10")]
    [InlineData("2026-12-31T23:59:59", "2026-11")]
    [InlineData("2027-01-03T08:00:00", "2026-12")]
    [InlineData("2027-01-02T12:00:00", "2026-11")]
    public void Due_MonthlyReport_IsTheMonthBefore_FromThe3rdAtEight(string now, string month) =>
        Assert.Equal(month, PeriodOf(ReportKind.MonthlyAir, now, Defaults));

    [Theory]
    [InlineData("2027-01-20T07:59:59", "2025")]
    [InlineData("2027-01-20T08:00:00", "2026")]
    [InlineData("2027-01-19T12:00:00", "2025")]
    [InlineData("2027-12-31T23:00:00", "2026")]
    [InlineData("2028-01-01T00:00:00", "2026")]
    public void Due_AnnualReport_IsTheYearBefore_FromJanuary20thAtEight(string now, string year) =>
        Assert.Equal(year, PeriodOf(ReportKind.AnnualAir, now, Defaults));

    [Fact]
    public void Due_FollowsTheConfiguredDaysAndTimes()
    {
        var settings = new ReportOptions
        {
            DailyBulletinTime = TimeSpan.FromHours(7), MonthlyReportDay = 10, MonthlyReportTime = TimeSpan.FromHours(14),
            AnnualReportDay = 31, AnnualReportTime = TimeSpan.FromHours(10),
        };
        Assert.Equal("2027-01-09", PeriodOf(ReportKind.DailyBulletin, "2027-01-10T07:00:00", settings));
        Assert.Equal("2026-11", PeriodOf(ReportKind.MonthlyAir, "2027-01-10T13:59:00", settings));
        Assert.Equal("2026-12", PeriodOf(ReportKind.MonthlyAir, "2027-01-10T14:00:00", settings));
        Assert.Equal("2025", PeriodOf(ReportKind.AnnualAir, "2027-01-31T09:59:00", settings));
        Assert.Equal("2026", PeriodOf(ReportKind.AnnualAir, "2027-01-31T10:00:00", settings));
    }

    [Fact]
    public void Due_NamesEachKindOnce() =>
        Assert.Equal(Enum.GetValues<ReportKind>().Order(), ReportScheduleJob.Due(At("2026-12-08T10:00:00"), Defaults).Select(d => d.Kind).Order());

    private static string PeriodOf(ReportKind kind, string now, ReportOptions settings) =>
        ReportScheduleJob.Due(At(now), settings).Single(d => d.Kind == kind).Period;

    private static LocalDateTime At(string text) => NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(text).Value;
}
