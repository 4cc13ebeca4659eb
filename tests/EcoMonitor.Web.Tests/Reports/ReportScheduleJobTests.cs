using EcoMonitor.Application.Reports;
using EcoMonitor.Reports;
using NodaTime;

namespace EcoMonitor.Web.Tests.Reports;

/// <summary>Which reports the schedule finds due at which China Standard Time, and the turns of the revision check.</summary>
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

    [Fact]
    public void RevisionTurns_GoRoundTheCandidates_EachOncePerTurn()
    {
        ArchivedReport[] candidates = [.. Enumerable.Range(1, 5).Select(Candidate)];
        Assert.Equal([1, 2], ReportRevisions.Turn(candidates, 0, 2).Select(r => r.Id));
        Assert.Equal([3, 4], ReportRevisions.Turn(candidates, 1, 2).Select(r => r.Id));
        Assert.Equal([5, 1], ReportRevisions.Turn(candidates, 2, 2).Select(r => r.Id));
        Assert.Equal([1, 2, 3, 4, 5], ReportRevisions.Turn(candidates, 7, 20).Select(r => r.Id).Order());
        Assert.Empty(ReportRevisions.Turn([], 3, 2));
        Assert.Equal(2, ReportRevisions.Turn(candidates, long.MaxValue, 2).Count());
    }

    private static string PeriodOf(ReportKind kind, string now, ReportOptions settings) =>
        ReportScheduleJob.Due(At(now), settings).Single(d => d.Kind == kind).Period;

    private static LocalDateTime At(string text) => NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(text).Value;

    private static ArchivedReport Candidate(int id) =>
        new(id, ReportKind.MonthlyAir, "220000", "2019-12", ReportFormat.Pdf, 1, "c", "d", 1, Instant.FromUnixTimeSeconds(0), "t");
}
