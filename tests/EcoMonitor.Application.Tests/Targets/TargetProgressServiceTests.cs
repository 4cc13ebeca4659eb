using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Targets;
using EcoMonitor.Domain;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace EcoMonitor.Application.Tests.Targets;

/// <summary>
/// Progress and projection of targets on a small hand-made history in a real SQLite store: city 510100 on 2025-01-01..04
/// (to date when today is 5 January 2025) and 2024-01-05..08 (last year's rest of the year), city 510300 in the province's
/// test, sections WRS1 (510104) and
/// WRS2 (510105). The expected figures are worked by hand in the comments from the documented method (docs/standards.md
/// "Targets": the rest of the year repeats the same days of the previous year).
/// </summary>
[Trait("Area", "Reports")]
public sealed class TargetProgressServiceTests : IAsyncLifetime
{
    private static readonly RegionCode City = RegionCode.Parse("510100");
    private static readonly RegionCode Province = RegionCode.Parse("510000");
    private static readonly RegionCode Zigong = RegionCode.Parse("510300");
    private static readonly LocalDate First = new(2025, 1, 1);
    private static readonly LocalDate RestFirst = new(2024, 1, 5);
    private SqliteAuditedStore? _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 5, 9, 0, 0, TimeSpan.FromHours(8)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TargetProgressService Service => new(
        _store!.Get<ITargetStore>(), new AirStatisticsService(_store.Get<IEvaluationStore>(), _store.Get<IDustDayStore>()),
        _store.Get<IEvaluationStore>(), _store.Get<IStationStore>(), _time);

    private TargetRegister Register => new(_store!.Get<ITargetStore>(), _store.Get<IAuditTrail>(), _time);

    public async ValueTask InitializeAsync()
    {
        _store = await SqliteAuditedStore.CreateAsync(Ct);
        await _store.Get<IStationStore>().UpsertAsync([Section("WRS1", "510104", 3), Section("WRS2", "510105", 2)], Ct);
        // (PM2.5, AQI) per day.
        await _store.Get<IEvaluationStore>().SaveDailyAsync(
        [
            .. Days(City, First, (40, 60), (44, 70), (36, 55), (48, 210)),
            .. Days(City, RestFirst, (50, 80), (50, 80), (50, 250), (50, 320)),
            .. Days(City, new LocalDate(2024, 1, 1), (100, 300), (100, 300), (100, 300), (100, 300)),
        ], Ct);
        // (CODMn, NH3-N, TP) mg/L; GB 3838-2002 Table 1 (river): CODMn II ≤ 4, III ≤ 6; NH3-N II ≤ 0.5, III ≤ 1.0, IV ≤ 1.5; TP II ≤ 0.1, III ≤ 0.2.
        await _store.Get<IEvaluationStore>().SaveWaterDaysAsync(
        [
            Water("WRS1", First.PlusDays(1), 3m, 0.5m, 0.1m), Water("WRS2", First.PlusDays(1), 6m, 1.2m, 0.2m),
            Water("WRS1", RestFirst, 9m, 0.5m, 0.1m), Water("WRS2", RestFirst, 6m, 0.8m, 0.2m),
            Water("WRS2", new LocalDate(2024, 1, 2), 20m, 3m, 1m),
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
    public async Task Progress_ToDateAndProjection_FromLastYearsRestOfTheYear()
    {
        await Register.SetAsync(Targets(City, 45m, 60m, 3, 100m, ("WRS2", 4)), "manager.cd", Ct);
        await Register.SetAsync(Targets(Province, null, null, null, 80m, ("WRS1", 1), ("WRS2", 2)), "manager.sc", Ct);

        TargetProgress progress = (await Service.GetAsync(City, 2025, Ct))!;

        Assert.Equal((new LocalDate(2025, 1, 4), RestFirst, new LocalDate(2024, 12, 31), true),
            (progress.ToDateLastDay!.Value, progress.RestFirstDay!.Value, progress.RestLastDay!.Value, progress.HasAirFigures));
        // PM2.5: to date (40 + 44 + 36 + 48) / 4 = 42; rest 50 over 4 days (2024-01-01..04 are not the rest and not counted):
        //        (42 × 4 + 50 × 4) / 8 = 46 > 45, off track.
        // Good days (AQI ≤ 100): 3 of 4 = 75.0 %; with the rest 2 of 4: 5 / 8 = 62.5 % ≥ 60, on track.
        // Heavy days (AQI > 200): 1 (210); the rest 2 (250, 320): 3 ≤ 3, on track.
        // Good sections: to date WRS1 II (3, 0.5, 0.1), WRS2 IV (NH3-N 1.2): 1 of 2 = 50.0 %;
        //               projected WRS1 means (6, 0.5, 0.1) III, WRS2 (6, 1.0, 0.2) III: 2 of 2 = 100.0 % ≥ 100, on track.
        Assert.Equal(
            [
                (TargetMeasure.Pm25, 45m, (decimal?)42m, (decimal?)46m, (bool?)false),
                (TargetMeasure.GoodDayRatio, 60m, 75.0m, 62.5m, true),
                (TargetMeasure.HeavyPollutionDays, 3m, 1m, 3m, true),
                (TargetMeasure.GoodWaterShare, 100m, 50.0m, 100.0m, true),
            ],
            progress.Measures.Select(m => (m.Measure, m.Target, m.ToDate, m.Projection, m.IsOnTrack)));
        // WRS1: not listed by the city, listed by the province (class I) — the year's class overrides the registry's III;
        // WRS2: the city's IV wins over the province's II (the most specific region's listing).
        Assert.Equal(
            [("WRS1", 1, true, (int?)2, (int?)3, (bool?)false), ("WRS2", 4, true, 4, 3, true)],
            progress.Sections.Select(s => (s.Section.Value, s.TargetClass, s.IsYearTarget, s.ClassToDate, s.ProjectedClass, s.IsOnTrack)));
    }

    [Fact]
    public async Task Progress_OfAPastYear_IsTheWholeYear_WithoutRest_AndASectionWithoutYearTargetUsesTheRegistry()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await Register.SetAsync(Targets(City, 40m, null, null, 50m), "manager.cd", Ct);

        TargetProgress progress = (await Service.GetAsync(City, 2025, Ct))!;

        Assert.Equal((new LocalDate(2025, 12, 31), (LocalDate?)null), (progress.ToDateLastDay!.Value, progress.RestFirstDay));
        Assert.Equal(
            [(TargetMeasure.Pm25, (decimal?)42m, (decimal?)42m, (bool?)false), (TargetMeasure.GoodWaterShare, 50.0m, 50.0m, true)],
            progress.Measures.Select(m => (m.Measure, m.ToDate, m.Projection, m.IsOnTrack)));
        Assert.Equal([("WRS1", 3, false, (bool?)true), ("WRS2", 2, false, false)],
            progress.Sections.Select(s => (s.Section.Value, s.TargetClass, s.IsYearTarget, s.IsOnTrack)));
    }

    [Fact]
    public async Task Progress_OfAProvince_IsTheArithmeticMeanOfItsCitiesOfficialFigures()
    {
        // Cities with an air-quality station: 510100 (days above), 510300 (days below), 510400 (no day: left out of the means).
        await _store!.Get<IStationStore>().UpsertAsync([Air("AQ510104", "510104"), Air("AQ510302", "510302"), Air("AQ510402", "510402")], Ct);
        await _store.Get<IEvaluationStore>().SaveDailyAsync(
            [.. Days(Zigong, First, (35, 50), (37, 90), (39, 150)), .. Days(Zigong, RestFirst, (45, 120), (47, 220))], Ct);
        await Register.SetAsync(Targets(Province, 44m, 55m, 2, null), "manager.sc", Ct);

        TargetProgress progress = (await Service.GetAsync(Province, 2025, Ct))!;

        Assert.True(progress.HasAirFigures);
        // 510100 as in the first test: PM2.5 42 → 46, good days 75.0 → 62.5 %, heavy days 1 → 3.
        // 510300: PM2.5 to date (35 + 37 + 39) / 3 = 37; rest (45 + 47) / 2 = 46 over 2 days: (37 × 3 + 46 × 2) / 5 = 40.6 → 41.
        //         Good days (AQI ≤ 100) 2 of 3 = 66.7 %; with the rest (120, 220: none) 2 / 5 = 40.0 %. Heavy (> 200): 0; 0 + 1 = 1.
        // Province (全省平均, 1 decimal, GB/T 8170): PM2.5 (42 + 37) / 2 = 39.5, projected (46 + 41) / 2 = 43.5 ≤ 44, on track;
        //   good days (75.0 + 66.7) / 2 = 70.85 → 70.8, projected (62.5 + 40.0) / 2 = 51.25 → 51.2 < 55, off track;
        //   heavy days (1 + 0) / 2 = 0.5, projected (3 + 1) / 2 = 2.0 ≤ 2, on track.
        Assert.Equal(
            [
                (TargetMeasure.Pm25, (decimal?)39.5m, (decimal?)43.5m, (bool?)true),
                (TargetMeasure.GoodDayRatio, 70.8m, 51.2m, false),
                (TargetMeasure.HeavyPollutionDays, 0.5m, 2.0m, true),
            ],
            progress.Measures.Select(m => (m.Measure, m.ToDate, m.Projection, m.IsOnTrack)));
    }

    [Fact]
    public async Task Progress_OfAProvinceWithoutAirStations_HasNoAirFigures_AndNoTargetsIsNull()
    {
        await Register.SetAsync(Targets(Province, 35m, null, null, null), "manager.sc", Ct);

        TargetProgress progress = (await Service.GetAsync(Province, 2025, Ct))!;

        Assert.False(progress.HasAirFigures);
        Assert.Equal([(TargetMeasure.Pm25, (decimal?)null, (decimal?)null, (bool?)null)], progress.Measures.Select(m => (m.Measure, m.ToDate, m.Projection, m.IsOnTrack)));
        Assert.Null(await Service.GetAsync(City, 2025, Ct));
        Assert.Null(await Service.GetAsync(Province, 2024, Ct));
    }

    [Fact]
    public async Task Register_AuditsSetChangeAndRemoval_WithOldAndNewValues()
    {
        await Register.SetAsync(Targets(City, 45m, null, null, null, ("WRS2", 4)), "manager.cd", Ct);
        await Register.SetAsync(Targets(City, 43m, null, 2, null), "manager.cd", Ct);
        Assert.True(await Register.RemoveAsync(City, 2025, "manager.sc", Ct));
        Assert.False(await Register.RemoveAsync(City, 2025, "manager.sc", Ct));

        IReadOnlyList<AuditEntry> trail = await _store!.AuditAsync(Ct);
        Assert.Equal(
            [("manager.cd", "target.set"), ("manager.cd", "target.changed"), ("manager.sc", "target.removed")],
            trail.Select(e => (e.Actor, e.Action)));
        Assert.All(trail, e => Assert.Equal(("target", "510100/2025"), (e.SubjectType, e.SubjectId)));
        Assert.Null(trail[0].Before);
        Assert.Contains("\"pm25\":45", trail[0].After, StringComparison.Ordinal);
        Assert.Contains("\"WRS2\":4", trail[0].After, StringComparison.Ordinal);
        Assert.Equal(trail[0].After, trail[1].Before);
        Assert.Contains("\"heavyPollutionDays\":2", trail[1].After, StringComparison.Ordinal);
        Assert.Equal(trail[1].After, trail[2].Before);
        Assert.Null(trail[2].After);
    }

    [Fact]
    public async Task Check_NamesEachBadField()
    {
        IReadOnlyList<Station> stations = await _store!.Get<IStationStore>().ListAsync(Ct);
        RegionTargets bad = Targets(RegionCode.Parse("510300"), 0m, 100.1m, 367, -1m, ("WRS1", 3), ("NOPE", 2)) with { Year = 1999 };

        Assert.Equal(
            ["$.year", "$.pm25", "$.goodDayRatio", "$.heavyPollutionDays", "$.goodWaterShare", "$.sections.WRS1", "$.sections.NOPE"],
            TargetRegister.Check(bad, stations).Select(p => p.Field));
        Assert.Equal(["$.sections.WRS2"], TargetRegister.Check(Targets(City, null, null, null, null, ("WRS2", 6)), stations).Select(p => p.Field));
        Assert.Equal(["$"], TargetRegister.Check(Targets(City, null, null, null, null), stations).Select(p => p.Field));
        Assert.Empty(TargetRegister.Check(Targets(City, 35m, 80m, 0, 100m, ("WRS1", 1)), stations));
    }

    private static RegionTargets Targets(RegionCode region, decimal? pm25, decimal? ratio, int? heavy, decimal? water, params (string Mn, int Class)[] sections) =>
        new(region, 2025, pm25, ratio, heavy, water, [.. sections.Select(s => new SectionTargetClass(StationId.Parse(s.Mn), s.Class))], "-", Instant.MinValue);

    private static IEnumerable<DailyAqiRecord> Days(RegionCode city, LocalDate first, params (int Pm25, int Aqi)[] values) =>
        values.Select((v, i) => new DailyAqiRecord
        {
            Subject = EvaluationSubject.Of(city), Day = first.PlusDays(i), So2 = 10, No2 = 30, Pm10 = 70, Pm25 = v.Pm25, Co = 1.0m,
            O3MaxHour = 120, O3MaxEightHour = 100, IsValid = true, Aqi = v.Aqi,
        });

    private static Station Section(string mn, string region, int target) => new()
    {
        Id = StationId.Parse(mn), Name = mn + "断面", Type = StationType.SurfaceWater, Region = RegionCode.Parse(region), Password = Some.HashedPassword,
        WaterTargetClass = target, WaterBody = WaterBodyType.River,
    };

    private static Station Air(string mn, string region) => new()
    {
        Id = StationId.Parse(mn), Name = mn, Type = StationType.AirQuality, Region = RegionCode.Parse(region), Password = Some.HashedPassword,
    };

    private static WaterDayRecord Water(string mn, LocalDate day, decimal codMn, decimal nh3n, decimal tp) => new()
    {
        Station = StationId.Parse(mn), Day = day, Class = null,
        Means = [new WaterItemMean(ParameterCode.Parse("w01019"), codMn, 24), new WaterItemMean(ParameterCode.Parse("w21003"), nh3n, 24), new WaterItemMean(ParameterCode.Parse("w21011"), tp, 24)],
    };
}
