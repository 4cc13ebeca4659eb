using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Evaluation;

/// <summary>
/// Rankings by every measure on a hand-made set of three cities over four days (2025-01-01..04) and the same days of
/// 2024, stored in a real SQLite store. Expected figures are worked by hand from the documented formulas
/// (HJ 663-2013 clause 5 and Appendix A, 城市环境空气质量排名技术规定, GB/T 8170), written in the comments.
/// </summary>
[Trait("Area", "Reports")]
public sealed class AirRankingServiceTests : IAsyncLifetime
{
    private const string A = "510100";
    private const string B = "510300";
    private const string C = "510400";
    private static readonly LocalDate First = new(2025, 1, 1);
    private static readonly LocalDate Last = new(2025, 1, 4);
    private SqliteAuditedStore? _store;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AirStatisticsService Service => new(_store!.Get<IEvaluationStore>(), _store!.Get<IDustDayStore>());

    public async ValueTask InitializeAsync()
    {
        _store = await SqliteAuditedStore.CreateAsync(Ct);
        // (SO2, NO2, PM10, PM2.5, CO, O3-8h, AQI) per day.
        List<DailyAqiRecord> days =
        [
            .. Days(A, First, (10, 30, 60, 40, 1.0m, 100, 60), (12, 34, 70, 44, 1.2m, 120, 70), (8, 28, 50, 36, 0.8m, 90, 55), (14, 36, 80, 48, 1.4m, 140, 110)),
            .. Days(B, First, (20, 40, 90, 60, 1.5m, 80, 120), (22, 42, 94, 62, 1.7m, 84, 125), (18, 38, 86, 58, 1.3m, 76, 95), (20, 40, 90, 60, 1.5m, 80, 90)),
            .. Days(C, First, (5, 20, 50, 42, 0.6m, 60, 50), (5, 20, 50, 42, 0.6m, 60, 50), (5, 20, 50, 42, 0.6m, 60, 50), (5, 20, 50, 42, 0.6m, 60, 50)),
            .. Days(A, First.PlusYears(-1), (12, 36, 72, 50, 1.2m, 130, 80), (12, 36, 72, 50, 1.2m, 130, 80), (12, 36, 72, 50, 1.2m, 130, 80), (12, 36, 72, 50, 1.2m, 130, 80)),
            .. Days(B, First.PlusYears(-1), (20, 40, 90, 60, 1.5m, 80, 100), (20, 40, 90, 60, 1.5m, 80, 100), (20, 40, 90, 60, 1.5m, 80, 100), (20, 40, 90, 60, 1.5m, 80, 100)),
        ];
        await _store.Get<IEvaluationStore>().SaveDailyAsync(days, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Fact]
    public async Task ByIndex_AscendingWithLastYearAndChangeRate()
    {
        IReadOnlyList<RegionRank> ranking = await Service.RankAsync(EvaluationScope.City, null, First, Last, AirRankingMeasure.Index, DustDayTreatment.Included, Ct);

        // A: SO2 (10+12+8+14)/4 = 11, NO2 32, PM10 65, PM2.5 42, CO P95 k = 1 + 3 × 0.95 = 3.85 → 1.2 + 0.85 × 0.2 = 1.37 → 1.4,
        //    O3 P90 k = 3.7 → 120 + 0.7 × 20 = 134: 11/60 + 32/40 + 65/70 + 42/35 + 1.4/4 + 134/160 = 4.2994 → 4.30.
        //    2024: 12/60 + 36/40 + 72/70 + 50/35 + 1.2/4 + 130/160 = 4.6696 → 4.67; (4.30 − 4.67) / 4.67 = −7.92 % → −7.9.
        // B: 20, 40, 90, 60, CO 1.5 + 0.85 × 0.2 = 1.67 → 1.7, O3 80 + 0.7 × 4 = 82.8 → 83: 5.2771 → 5.28; 2024 5.2083 → 5.21; +1.34 % → 1.3.
        // C: 5/60 + 20/40 + 50/70 + 42/35 + 0.6/4 + 60/160 = 3.0226 → 3.02; no 2024.
        Assert.Equal([(C, 1, 3.02m, (decimal?)null, (decimal?)null), (A, 2, 4.30m, 4.67m, -7.9m), (B, 3, 5.28m, 5.21m, 1.3m)],
            ranking.Select(r => (r.Region, r.Rank, r.Current, r.LastYear, r.Change)));
        Assert.All(ranking, r => Assert.Equal(r.Current, r.Index));
    }

    [Fact]
    public async Task ByImprovement_UsesTheSamePeriodOfThePreviousYear_LeavesOutCitiesWithoutIt()
    {
        IReadOnlyList<RegionRank> ranking = await Service.RankAsync(EvaluationScope.City, null, First, Last, AirRankingMeasure.Improvement, DustDayTreatment.Included, Ct);

        Assert.Equal([(A, 1, -7.9m), (B, 2, 1.3m)], ranking.Select(r => (r.Region, r.Rank, r.Change!.Value)));
        Assert.Equal(new LocalDate(2024, 1, 1), ranking[0].LastYearStatistics!.FirstDay);
        Assert.Equal(new LocalDate(2024, 1, 4), ranking[0].LastYearStatistics!.LastDay);
    }

    [Fact]
    public async Task ByGoodDays_Descending_ChangeInPercentagePoints()
    {
        IReadOnlyList<RegionRank> ranking = await Service.RankAsync(EvaluationScope.City, null, First, Last, AirRankingMeasure.GoodDays, DustDayTreatment.Included, Ct);

        // AQI ≤ 100: C 4 of 4 = 100.0 %, A 3 of 4 = 75.0 % (2024: 100.0), B 2 of 4 = 50.0 % (2024: 100.0).
        Assert.Equal([(C, 1, 100.0m, (decimal?)null), (A, 2, 75.0m, -25.0m), (B, 3, 50.0m, -50.0m)],
            ranking.Select(r => (r.Region, r.Rank, r.Current, r.Change)));
    }

    [Fact]
    public async Task ByPm25_EqualMeansShareARank()
    {
        IReadOnlyList<RegionRank> ranking = await Service.RankAsync(EvaluationScope.City, null, First, Last, AirRankingMeasure.Pm25, DustDayTreatment.Included, Ct);

        // A (40+44+36+48)/4 = 42 (2024: 50, −16.0 %), C 42, B 60 (2024: 60, 0.0 %).
        Assert.Equal([(A, 1, 42m, -16.0m), (C, 1, 42m, (decimal?)null), (B, 3, 60m, 0.0m)], ranking.Select(r => (r.Region, r.Rank, r.Current, r.Change)));
    }

    [Theory]
    [InlineData(AirRankingMeasure.So2, "C:5 A:11 B:20")]
    [InlineData(AirRankingMeasure.No2, "C:20 A:32 B:40")]
    [InlineData(AirRankingMeasure.Pm10, "C:50 A:65 B:90")]
    [InlineData(AirRankingMeasure.Co, "C:0.6 A:1.4 B:1.7")]
    [InlineData(AirRankingMeasure.O3, "C:60 B:83 A:134")]
    public async Task BySinglePollutant_AscendingByItsHj663Statistic(AirRankingMeasure measure, string expected)
    {
        IReadOnlyList<RegionRank> ranking = await Service.RankAsync(EvaluationScope.City, null, First, Last, measure, DustDayTreatment.Included, Ct);

        string Name(string code) => code == A ? "A" : code == B ? "B" : "C";
        Assert.Equal(expected, string.Join(' ', ranking.Select(r => $"{Name(r.Region)}:{r.Current.ToString(System.Globalization.CultureInfo.InvariantCulture)}")));
        Assert.Equal([1, 2, 3], ranking.Select(r => r.Rank));
    }

    [Fact]
    public async Task DustExcluded_LeavesTheMarkedDaysOut_OfTheCityAndItsCounties_MarksAudited()
    {
        var register = new DustDayRegister(_store!.Get<IDustDayStore>(), _store.Get<IAuditTrail>(), TimeProvider.System);
        await _store.Get<IEvaluationStore>().SaveDailyAsync([.. Days(EvaluationScope.County, "510104", First, (9, 29, 59, 39, 0.9m, 99, 60), (9, 29, 59, 39, 0.9m, 99, 60),
            (9, 29, 59, 39, 0.9m, 99, 60), (99, 99, 399, 199, 3.9m, 199, 300))], Ct);
        await register.MarkAsync(RegionCode.Parse(A), Last, "沙尘过境", "manager.sc", Ct);

        IReadOnlyList<RegionRank> included = await Service.RankAsync(EvaluationScope.City, null, First, Last, AirRankingMeasure.Index, DustDayTreatment.Included, Ct);
        IReadOnlyList<RegionRank> excluded = await Service.RankAsync(EvaluationScope.City, null, First, Last, AirRankingMeasure.Index, DustDayTreatment.Excluded, Ct);
        IReadOnlyList<RegionRank> goodDays = await Service.RankAsync(EvaluationScope.City, null, First, Last, AirRankingMeasure.GoodDays, DustDayTreatment.Excluded, Ct);
        AirPeriodStatistics county = await Service.GetAsync(new EvaluationSubject(EvaluationScope.County, "510104"), First, Last, DustDayTreatment.Excluded, Ct);

        Assert.Equal(4.30m, included.Single(r => r.Region == A).Current);
        // A without 4 January: SO2 (10+12+8)/3 = 10, NO2 30.67 → 31, PM10 60, PM2.5 40, CO k = 1 + 2 × 0.95 = 2.9 → 1.0 + 0.9 × 0.2 = 1.18 → 1.2,
        // O3 k = 2.8 → 100 + 0.8 × 20 = 116: 10/60 + 31/40 + 60/70 + 40/35 + 1.2/4 + 116/160 = 3.9667 → 3.97; 2024 unmarked: 4.67, −15.0 %.
        RegionRank a = excluded.Single(r => r.Region == A);
        Assert.Equal((2, 3.97m, 4.67m, -15.0m, 3), (a.Rank, a.Current, a.LastYear!.Value, a.Change!.Value, a.Statistics.Days.ValidDays));
        // Good days: A 3 of 3 = 100.0 % ties with C.
        Assert.Equal([(A, 1, 100.0m), (C, 1, 100.0m), (B, 3, 50.0m)], goodDays.Select(r => (r.Region, r.Rank, r.Current)));
        // The county of A's city loses the same day: PM2.5 39, not (3 × 39 + 199) / 4 = 79.
        Assert.Equal(3, county.Days.ValidDays);
        Assert.Equal(39m, county.Items[3].Mean);
        AuditEntry entry = Assert.Single(await _store.AuditAsync(Ct));
        Assert.Equal(("manager.sc", "dust-day.marked", "dust-day", "510100/2025-01-04"), (entry.Actor, entry.Action, entry.SubjectType, entry.SubjectId));
        Assert.Contains("沙尘过境", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unmark_CountsTheDayAgain_AndIsAudited()
    {
        var register = new DustDayRegister(_store!.Get<IDustDayStore>(), _store.Get<IAuditTrail>(), TimeProvider.System);
        AirStatisticsService service = Service;
        await register.MarkAsync(RegionCode.Parse(A), Last, "沙尘", "manager.sc", Ct);
        Assert.Equal(3.97m, (await service.GetAsync(new EvaluationSubject(EvaluationScope.City, A), First, Last, DustDayTreatment.Excluded, Ct)).Index.Index);

        Assert.True(await register.UnmarkAsync(RegionCode.Parse(A), Last, "manager.sc", Ct));
        Assert.False(await register.UnmarkAsync(RegionCode.Parse(A), Last, "manager.sc", Ct));

        Assert.Equal(4.30m, (await service.GetAsync(new EvaluationSubject(EvaluationScope.City, A), First, Last, DustDayTreatment.Excluded, Ct)).Index.Index);
        Assert.Equal(["dust-day.marked", "dust-day.unmarked"], (await _store.AuditAsync(Ct)).Select(e => e.Action));
    }

    private static IEnumerable<DailyAqiRecord> Days(string city, LocalDate first, params (int So2, int No2, int Pm10, int Pm25, decimal Co, int O3, int Aqi)[] values) =>
        Days(EvaluationScope.City, city, first, values);

    private static IEnumerable<DailyAqiRecord> Days(
        EvaluationScope scope, string code, LocalDate first, params (int So2, int No2, int Pm10, int Pm25, decimal Co, int O3, int Aqi)[] values) =>
        values.Select((v, i) => new DailyAqiRecord
        {
            Subject = new EvaluationSubject(scope, code), Day = first.PlusDays(i), So2 = v.So2, No2 = v.No2, Pm10 = v.Pm10,
            Pm25 = v.Pm25, Co = v.Co, O3MaxHour = v.O3 + 20, O3MaxEightHour = v.O3, IsValid = true, Aqi = v.Aqi,
        });
}
