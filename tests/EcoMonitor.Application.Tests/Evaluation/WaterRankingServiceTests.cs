using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Targets;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Evaluation;

/// <summary>
/// City CWQI ranking (城市地表水环境质量排名技术规定) on hand-made river sections stored in a real SQLite store; the
/// expected figures are worked by hand from the documented formulas (item C / class III limit of GB 3838-2002: CODMn 6,
/// NH3-N 1.0, TP 0.2 mg/L; section = sum; city = mean of sections) in the comments.
/// </summary>
[Trait("Area", "Reports")]
public sealed class WaterRankingServiceTests : IAsyncLifetime
{
    private static readonly LocalDate First = new(2025, 6, 1);
    private static readonly LocalDate Last = new(2025, 6, 30);
    private SqliteAuditedStore? _store;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WaterRankingService Service => new(
        _store!.Get<IEvaluationStore>(), _store!.Get<IStationStore>(), new SectionTargetClasses(_store.Get<ITargetStore>(), _store.Get<IStationStore>()));

    public async ValueTask InitializeAsync()
    {
        _store = await SqliteAuditedStore.CreateAsync(Ct);
        await _store.Get<IStationStore>().UpsertAsync(
        [
            Section("WRS1", "510104", 3), Section("WRS2", "510105", 2), Section("WRS3", "510302", 3),
        ], Ct);
        await _store.Get<IEvaluationStore>().SaveWaterDaysAsync(
        [
            Day("WRS1", First, 3m, 0.5m, 0.1m), Day("WRS1", First.PlusDays(9), 5m, 0.7m, 0.1m),
            Day("WRS2", First, 6m, 1.2m, 0.2m), Day("WRS2", First.PlusDays(9), 6m, 1.2m, 0.2m),
            Day("WRS3", First.PlusDays(3), 2m, 0.2m, 0.05m),
            Day("WRS1", First.PlusYears(-1), 6m, 1.0m, 0.2m), Day("WRS2", First.PlusYears(-1).PlusDays(5), 6m, 1.2m, 0.2m),
        ], Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Fact]
    public async Task ByCwqi_AscendingWithLastYearChangeAndTargetShare()
    {
        IReadOnlyList<WaterCityRank> ranking = await Service.RankCitiesAsync(First, Last, byImprovement: false, within: null, Ct);

        // 510300: WRS3 2/6 + 0.2/1.0 + 0.05/0.2 = 0.7833; class II (CODMn I, NH3-N II, TP II) meets III.
        // 510100: WRS1 means CODMn 4, NH3-N 0.6, TP 0.1: 4/6 + 0.6 + 0.5 = 1.7667, class III meets III;
        //         WRS2 6/6 + 1.2 + 1.0 = 3.2, class IV misses II; city (1.7667 + 3.2) / 2 = 2.4833, 1 of 2 = 50.0 %.
        //         2024: WRS1 1 + 1 + 1 = 3.0, WRS2 3.2 → 3.1; (2.4833 − 3.1) / 3.1 = −19.89 % → −19.9.
        Assert.Equal(
            [("510300", 1, 0.7833m, (decimal?)null, (decimal?)null, (decimal?)100.0m), ("510100", 2, 2.4833m, 3.1m, -19.9m, 50.0m)],
            ranking.Select(r => (r.City, r.Rank, r.Cwqi, r.LastYear, r.Change, r.TargetShare)));
    }

    [Fact]
    public async Task TargetShare_UsesTheClassSetForTheYear_MostSpecificRegionFirst_AndTheRegistrysAcrossYears()
    {
        // 2025 targets: Sichuan lists WRS2 at II (as the registry) and WRS3 at I; Chengdu relaxes WRS2 to IV for the year.
        await _store!.Get<ITargetStore>().PutAsync(Targets("510000", new SectionTargetClass(StationId.Parse("WRS2"), 2), new SectionTargetClass(StationId.Parse("WRS3"), 1)), Ct);
        await _store.Get<ITargetStore>().PutAsync(Targets("510100", new SectionTargetClass(StationId.Parse("WRS2"), 4)), Ct);

        IReadOnlyList<WaterCityRank> ranking = await Service.RankCitiesAsync(First, Last, byImprovement: false, within: null, Ct);

        // 510100: WRS1 III meets III, WRS2 IV meets Chengdu's IV → 2 of 2; 510300: WRS3 II misses Sichuan's I → 0 of 1.
        Assert.Equal([("510300", 0.0m), ("510100", 100.0m)], ranking.Select(r => (r.City, r.TargetShare!.Value)));
        // A period across years reads the registry (WRS2 II missed, WRS3 III met), as before the targets.
        IReadOnlyList<WaterCityRank> across = await Service.RankCitiesAsync(First.PlusMonths(-6), Last, byImprovement: false, within: null, Ct);
        Assert.Equal([100.0m, 50.0m], across.OrderByDescending(r => r.City, StringComparer.Ordinal).Select(r => r.TargetShare!.Value));
    }

    [Fact]
    public async Task ByImprovement_OnlyCitiesWithLastYear()
    {
        IReadOnlyList<WaterCityRank> ranking = await Service.RankCitiesAsync(First, Last, byImprovement: true, within: null, Ct);

        WaterCityRank only = Assert.Single(ranking);
        Assert.Equal(("510100", 1, -19.9m), (only.City, only.Rank, only.Change!.Value));
    }

    [Fact]
    public async Task Within_RanksTheRegionsCitiesAmongThemselves()
    {
        IReadOnlyList<WaterCityRank> ranking = await Service.RankCitiesAsync(First, Last, byImprovement: false, RegionCode.Parse("510100"), Ct);

        WaterCityRank only = Assert.Single(ranking);
        Assert.Equal(("510100", 1, 2.4833m), (only.City, only.Rank, only.Cwqi));
    }

    private static RegionTargets Targets(string region, params SectionTargetClass[] sections) =>
        new(RegionCode.Parse(region), 2025, null, null, null, null, sections, "test", Instant.FromUtc(2025, 1, 1, 0, 0));

    private static Station Section(string mn, string region, int target) => new()
    {
        Id = StationId.Parse(mn), Name = mn + "断面", Type = StationType.SurfaceWater, Region = RegionCode.Parse(region), Password = Some.HashedPassword,
        WaterTargetClass = target, WaterBody = WaterBodyType.River,
    };

    private static WaterDayRecord Day(string mn, LocalDate day, decimal codMn, decimal nh3n, decimal tp) => new()
    {
        Station = StationId.Parse(mn), Day = day, Class = null,
        Means = [new WaterItemMean(ParameterCode.Parse("w01019"), codMn, 24), new WaterItemMean(ParameterCode.Parse("w21003"), nh3n, 24), new WaterItemMean(ParameterCode.Parse("w21011"), tp, 24)],
    };
}
