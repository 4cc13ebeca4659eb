using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Application.Tests.Work;

/// <summary>
/// A pass whose chunk fails is split into its station-days (docs/adr/0027): the day that throws on its own is found and
/// set aside after its attempts, the other days of the same commit and chunk are checked and evaluated.
/// </summary>
[Trait("Area", "Security")]
public sealed class PoisonSplitTests
{
    private static readonly StationId Air = StationId.Parse("POISON1");

    private static readonly Instant Day = ChinaTime.ToInstant(new LocalDateTime(2026, 3, 2, 0, 0));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneCommit_WithAnImpossibleDayBesideRealOnes_SetsOnlyThatDayAside()
    {
        await using WorkTestHost host = await WorkTestHost.StartAsync(new Station
        {
            Id = Air, Name = "毒数据站", Type = StationType.AirQuality, Region = RegionCode.Parse("510104"), Password = Some.HashedPassword,
        });

        // In one commit (one chunk for each worker): a real day with a PM2.5 of -50, and PM2.5 at 9999-12-31 23:00 CST,
        // whose day's end (10000-01-01) the calendar cannot hold: checking or evaluating that day throws OverflowException.
        Observation[] day = [.. Enumerable.Range(0, 24).Select(h => Pm25(Day + Duration.FromHours(h), h == 5 ? -50m : 30m + h))];
        await host.CommitAsync([.. day, Pm25(Instant.FromUtc(9999, 12, 31, 15, 0), 35m)]);

        IReadOnlyList<SetAsideWork> setAside = await WorkTestHost.WaitForAsync(async () =>
            (await host.Work.SetAsideAsync(10, Ct)) is { Count: 2 } both ? both : null);
        Assert.Equal([WorkKind.Evaluation, WorkKind.Quality], setAside.Select(w => w.Kind).Order());
        Assert.All(setAside, w => Assert.Equal((new LocalDate(9999, 12, 31), 3), (w.Day.Day, w.Attempts)));
        Assert.All(setAside, w => Assert.StartsWith("System.OverflowException", w.Error, StringComparison.Ordinal));

        IReadOnlyList<QualityFinding> findings = await host.Quality.QueryFindingsAsync(
            Air, ObservationInterval.Hour, new Interval(Day, Day + Duration.FromDays(1)), QualitySeverity.Invalid, Ct);
        Assert.Contains(findings, f => f.Rule == QualityRuleIds.Negative && f.PeriodStart == Day + Duration.FromHours(5));
        DailyAqiRecord evaluated = Assert.Single(await host.Evaluations.QueryDailyAsync(EvaluationScope.Station, Air.Value, new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 2), Ct));
        // The 23 valid hours (30 + h without 05:00): (996 - 35) / 23 = 41.8.
        Assert.Equal(42m, evaluated.Pm25);

        // The real day is completed by both; the impossible one is no longer pending for them (set aside).
        await WorkTestHost.WaitForAsync(async () =>
            (await host.Work.PendingAsync(WorkKind.Quality, 0, null, 10, Ct)).Count == 0
            && (await host.Work.PendingAsync(WorkKind.Evaluation, 0, null, 10, Ct)).Count == 0 ? "completed" : null);
    }

    private static Observation Pm25(Instant period, decimal value) => new()
    {
        Station = Air, Parameter = ParameterCode.Parse("a34004"), Interval = ObservationInterval.Hour, PeriodStart = period, Value = value,
        ReceivedAt = Instant.FromUtc(2026, 3, 3, 0, 0),
    };
}
