using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The <see cref="IEvaluationStore"/> part of the store contract, checked against every engine.</summary>
[Trait("Area", "Standards")]
public sealed class EvaluationStoreContractTests
{
    private static readonly EvaluationSubject Station = new(EvaluationScope.Station, "1001A");
    private static readonly EvaluationSubject City = new(EvaluationScope.City, "110100");
    private static readonly LocalDate Day = new(2019, 12, 20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task SaveHourlyAsync_EveryField_RoundTripsExactly(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        HourlyAqiRecord record = Hourly(Station, Some.Hour(3)) with
        {
            So2 = 0.5m, No2 = 41.125m, Pm10 = 120m, Pm25 = 80.3333333333333333333333333m, Co = 2.2m, O3 = null,
            Aqi = 106, Primary = "PM2.5", Exceeding = "PM2.5",
        };

        await stores.Evaluations.SaveHourlyAsync([record], Ct);

        Assert.Equal([record], await stores.Evaluations.QueryHourlyAsync(Station, Some.Hour(0), Some.Hour(24), Ct));
    }

    [Theory, StoreProviders]
    public async Task SaveHourlyAsync_SameSubjectAndHour_ReplacesEarlierResult(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        HourlyAqiRecord first = Hourly(Station, Some.Hour(1)) with { Aqi = 40 };
        HourlyAqiRecord recomputed = first with { Pm25 = 90m, Aqi = 119, Primary = "PM2.5", Exceeding = "PM2.5" };
        await stores.Evaluations.SaveHourlyAsync([first], Ct);

        await stores.Evaluations.SaveHourlyAsync([recomputed], Ct);

        Assert.Equal([recomputed], await stores.Evaluations.QueryHourlyAsync(Station, Some.Hour(0), Some.Hour(24), Ct));
    }

    [Theory, StoreProviders]
    [Trait("Area", "Portal")]
    public async Task QueryLatestHourlyAsync_ReturnsEachSubjectsLatestHourBeforeTheBound_ByCode(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        EvaluationSubject other = new(EvaluationScope.Station, "0999A");
        HourlyAqiRecord early = Hourly(Station, Some.Hour(1)) with { Aqi = 30 };
        HourlyAqiRecord latest = Hourly(Station, Some.Hour(2)) with { Aqi = 60, Primary = "PM10" };
        HourlyAqiRecord afterBound = Hourly(Station, Some.Hour(5)) with { Aqi = 90 };
        HourlyAqiRecord otherOld = Hourly(other, Some.Hour(0)) with { Aqi = 20 };
        HourlyAqiRecord cityHour = Hourly(City, Some.Hour(2));
        await stores.Evaluations.SaveHourlyAsync([early, latest, afterBound, otherOld, cityHour], Ct);

        IReadOnlyList<HourlyAqiRecord> current = await stores.Evaluations.QueryLatestHourlyAsync(EvaluationScope.Station, Some.Hour(5), Ct);

        Assert.Equal([otherOld, latest], current);
        Assert.Equal([cityHour], await stores.Evaluations.QueryLatestHourlyAsync(EvaluationScope.City, Some.Hour(24), Ct));
        Assert.Empty(await stores.Evaluations.QueryLatestHourlyAsync(EvaluationScope.Station, Some.Hour(0), Ct));
    }

    [Theory, StoreProviders]
    public async Task QueryHourlyAsync_ReturnsOnlyTheSubjectAndHalfOpenRange_InHourOrder(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        HourlyAqiRecord h0 = Hourly(Station, Some.Hour(0));
        HourlyAqiRecord h1 = Hourly(Station, Some.Hour(1));
        HourlyAqiRecord h2 = Hourly(Station, Some.Hour(2));
        HourlyAqiRecord cityHour = Hourly(City, Some.Hour(1));
        await stores.Evaluations.SaveHourlyAsync([h2, cityHour, h0, h1], Ct);

        IReadOnlyList<HourlyAqiRecord> range = await stores.Evaluations.QueryHourlyAsync(Station, Some.Hour(0), Some.Hour(2), Ct);

        Assert.Equal([h0, h1], range);
        Assert.Equal([cityHour], await stores.Evaluations.QueryHourlyAsync(City, Some.Hour(0), Some.Hour(2), Ct));
    }

    [Theory, StoreProviders]
    public async Task SaveDailyAsync_EveryField_RoundTripsAndReplaces(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        DailyAqiRecord record = new()
        {
            Subject = Station, Day = Day, So2 = 8m, No2 = 52m, Pm10 = 101m, Pm25 = 76m, Co = 1.3m, O3MaxHour = 40m,
            O3MaxEightHour = 31m, IsValid = true, Aqi = 101, Primary = "PM2.5", Exceeding = "PM2.5",
        };
        await stores.Evaluations.SaveDailyAsync([record with { Aqi = 1 }], Ct);

        await stores.Evaluations.SaveDailyAsync([record], Ct);

        Assert.Equal([record], await stores.Evaluations.QueryDailyAsync(EvaluationScope.Station, Station.Code, Day, Day, Ct));
    }

    [Theory, StoreProviders]
    public async Task QueryDailyAsync_InclusiveDays_AllCodesOfScopeWhenCodeIsNull_OrderedByCodeThenDay(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        DailyAqiRecord a1 = Daily(new EvaluationSubject(EvaluationScope.City, "510100"), Day);
        DailyAqiRecord a2 = Daily(new EvaluationSubject(EvaluationScope.City, "510100"), Day.PlusDays(1));
        DailyAqiRecord b1 = Daily(City, Day);
        DailyAqiRecord outside = Daily(City, Day.PlusDays(2));
        DailyAqiRecord station = Daily(Station, Day);
        await stores.Evaluations.SaveDailyAsync([a2, outside, station, a1, b1], Ct);

        IReadOnlyList<DailyAqiRecord> cities = await stores.Evaluations.QueryDailyAsync(EvaluationScope.City, null, Day, Day.PlusDays(1), Ct);

        Assert.Equal([b1, a1, a2], cities);
    }

    [Theory, StoreProviders]
    public async Task QueryDailyAsync_EverySubjectOfAYear_OrderedByCodeThenDay(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        var first = new LocalDate(2025, 1, 1);
        string[] codes = ["B", "A", "C"];
        List<DailyAqiRecord> saved = [];
        for (int d = 0; d < 365; d += 7)
        {
            saved.AddRange(codes.Select((c, i) => Daily(new EvaluationSubject(EvaluationScope.Station, c), first.PlusDays(d)) with { Co = 0.1m * i, Pm25 = d }));
        }

        saved.Add(Daily(new EvaluationSubject(EvaluationScope.Station, "A"), first.PlusDays(-1)));
        await stores.Evaluations.SaveDailyAsync([.. saved.AsEnumerable().Reverse()], Ct);

        IReadOnlyList<DailyAqiRecord> year = await stores.Evaluations.QueryDailyAsync(EvaluationScope.Station, null, first, first.PlusDays(364), Ct);

        Assert.Equal(saved.Where(r => r.Day >= first).OrderBy(r => r.Subject.Code, StringComparer.Ordinal).ThenBy(r => r.Day), year);
    }

    [Theory, StoreProviders]
    public async Task QueryDailySeriesAsync_EqualsTheDailyRecords_AcrossMonthAndYearEnds_AfterReplaceAndDelete(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        var first = new LocalDate(2024, 12, 30);
        var last = new LocalDate(2025, 3, 1);
        var random = new Random(11);
        List<DailyAqiRecord> saved = [];
        foreach (string code in new[] { "B", "A" })
        {
            for (LocalDate day = first.PlusDays(-3); day <= last.PlusDays(3); day = day.PlusDays(random.Next(1, 3)))
            {
                saved.Add(new DailyAqiRecord
                {
                    Subject = new EvaluationSubject(EvaluationScope.Station, code), Day = day, So2 = random.Next(0, 5000),
                    No2 = random.Next(2) == 0 ? null : random.Next(0, 400) / 10m, Pm10 = random.Next(0, 900), Pm25 = random.Next(0, 2000) / 10m,
                    Co = random.Next(1, 150) / 10m, O3MaxHour = random.Next(0, 999), O3MaxEightHour = random.Next(3) == 0 ? null : random.Next(0, 800),
                    IsValid = random.Next(4) != 0, Aqi = random.Next(5) == 0 ? null : random.Next(0, 500),
                    Primary = "PM2.5", Exceeding = "",
                });
            }
        }

        saved.Add(Daily(new EvaluationSubject(EvaluationScope.Station, "C"), first.PlusDays(-1)));
        saved.Add(Daily(new EvaluationSubject(EvaluationScope.City, "510100"), first));
        await stores.Evaluations.SaveDailyAsync(saved, Ct);
        DailyAqiRecord replaced = saved.First(r => r.Subject.Code == "A" && r.Day >= new LocalDate(2025, 1, 31)) with { Pm25 = 999.9m, Aqi = 500 };
        await stores.Evaluations.SaveDailyAsync([replaced], Ct);

        IReadOnlyList<DailyAirSeries> series = await stores.Evaluations.QueryDailySeriesAsync(EvaluationScope.Station, null, first, last, Ct);
        IReadOnlyList<DailyAqiRecord> records = await stores.Evaluations.QueryDailyAsync(EvaluationScope.Station, null, first, last, Ct);

        Assert.Equal(["A", "B"], series.Select(s => s.Subject.Code));
        AssertSeriesEqual(DailyAirSeries.GroupBySubject(records, first, last), series);
        Assert.Contains(999.9m, series[0].Pm25);
        Assert.Equal(records.Count(r => r.Subject.Code == "A"), series[0].StoredDays);
        DailyAirSeries one = Assert.Single(await stores.Evaluations.QueryDailySeriesAsync(EvaluationScope.Station, "B", first, last, Ct));
        AssertSeriesEqual([series[1]], [one]);
        Assert.Empty(await stores.Evaluations.QueryDailySeriesAsync(EvaluationScope.Station, "C", first, last, Ct));
    }

    private static void AssertSeriesEqual(IReadOnlyList<DailyAirSeries> expected, IReadOnlyList<DailyAirSeries> actual)
    {
        Assert.Equal(expected.Select(s => s.Subject), actual.Select(s => s.Subject));
        foreach ((DailyAirSeries e, DailyAirSeries a) in expected.Zip(actual))
        {
            Assert.Equal((e.FirstDay, e.LastDay, e.StoredDays), (a.FirstDay, a.LastDay, a.StoredDays));
            Assert.Equal(e.So2, a.So2);
            Assert.Equal(e.No2, a.No2);
            Assert.Equal(e.Pm10, a.Pm10);
            Assert.Equal(e.Pm25, a.Pm25);
            Assert.Equal(e.Co, a.Co);
            Assert.Equal(e.O3MaxHour, a.O3MaxHour);
            Assert.Equal(e.O3MaxEightHour, a.O3MaxEightHour);
            Assert.Equal(e.Aqi, a.Aqi);
            Assert.Equal(e.IsValid, a.IsValid);
        }
    }

    [Theory, StoreProviders]
    public async Task SaveDailyAsync_ValueWithMoreThanOneDecimal_IsRefused(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);

        await Assert.ThrowsAsync<ArgumentException>(() => stores.Evaluations.SaveDailyAsync([Daily(City, Day) with { Co = 1.25m }], Ct));

        Assert.Empty(await stores.Evaluations.QueryDailyAsync(EvaluationScope.City, City.Code, Day, Day, Ct));
    }

    [Theory, StoreProviders]
    public async Task WaterDays_RoundTripExactly_ReplaceBySectionAndDay_OrderByStationThenDay(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        WaterDayRecord Section(string mn, int offset, int? waterClass, params WaterItemMean[] means) =>
            new() { Station = StationId.Parse(mn), Day = Day.PlusDays(offset), Means = means, Class = waterClass };
        var tp = new WaterItemMean(ParameterCode.Parse("w21011"), 0.066667m, 3);
        var hg = new WaterItemMean(ParameterCode.Parse("w20111"), 0.000041m, 1);
        WaterDayRecord b0 = Section("SW02", 0, 4, hg, tp);
        WaterDayRecord a1 = Section("SW01", 1, null);
        WaterDayRecord a0 = Section("SW01", 0, 2, tp);
        await stores.Evaluations.SaveWaterDaysAsync([b0, a1, a0 with { Class = 5 }], Ct);
        await stores.Evaluations.SaveWaterDaysAsync([a0], Ct);

        IReadOnlyList<WaterDayRecord> all = await stores.Evaluations.QueryWaterDaysAsync(null, Day, Day.PlusDays(1), Ct);
        IReadOnlyList<WaterDayRecord> one = await stores.Evaluations.QueryWaterDaysAsync(StationId.Parse("SW02"), Day, Day, Ct);

        Assert.Equal([(a0.Station, a0.Day, a0.Class), (a1.Station, a1.Day, a1.Class), (b0.Station, b0.Day, b0.Class)], all.Select(r => (r.Station, r.Day, r.Class)));
        Assert.Equal([tp], all[0].Means);
        Assert.Empty(all[1].Means);
        Assert.Equal([hg, tp], Assert.Single(one).Means);
    }

    [Theory, StoreProviders]
    public async Task SavedResults_SurviveReopen(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        DailyAqiRecord day = Daily(City, Day);
        await stores.Evaluations.SaveDailyAsync([day], Ct);

        await stores.ReopenAsync();

        Assert.Equal([day], await stores.Evaluations.QueryDailyAsync(EvaluationScope.City, City.Code, Day, Day, Ct));
    }

    private static HourlyAqiRecord Hourly(EvaluationSubject subject, Instant hour) =>
        new() { Subject = subject, HourStart = hour, Pm25 = 20m, Aqi = 29 };

    private static DailyAqiRecord Daily(EvaluationSubject subject, LocalDate day) =>
        new() { Subject = subject, Day = day, Pm25 = 30m, IsValid = false, Aqi = 43 };
}
