using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The <see cref="ISuspicionStore"/> part of the store contract (falsification suspicion per outlet-day), checked against every engine.</summary>
[Trait("Area", "Quality")]
public sealed class SuspicionStoreContractTests
{
    private static readonly LocalDate Day = new(2026, 3, 3);
    private static readonly ParameterCode So2 = ParameterCode.Parse("a21026");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Suspicions_RoundTripWithEvidence_AndReplacePerStationDay(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId outlet = Some.StationId();
        StationId other = Some.StationId();
        OutletSuspicion first = Suspicion(outlet, Day, 25, Sign(FalsificationSignIds.IdenticalRun, 25, So2));
        await stores.Suspicions.SaveSuspicionsAsync([first, Suspicion(other, Day, 0)], Ct);
        OutletSuspicion rescored = Suspicion(outlet, Day, 70, Sign(FalsificationSignIds.RepeatedBlock, 40, So2), Sign(FalsificationSignIds.RequestNumberReuse, 30, null));
        await stores.Suspicions.SaveSuspicionsAsync([rescored, Suspicion(outlet, Day.PlusDays(1), 30, Sign(FalsificationSignIds.ZeroVariance, 30, null))], Ct);

        await stores.ReopenAsync();
        IReadOnlyList<OutletSuspicion> read = await stores.Suspicions.QuerySuspicionsAsync(outlet, Day, Day, 0, 100, Ct);

        OutletSuspicion only = Assert.Single(read);
        Assert.Equal(70, only.Score);
        Assert.Equal(rescored.ComputedAt, only.ComputedAt);
        Assert.Equal(1440, only.ValuesExamined);
        Assert.Equal(12, only.FramesExamined);
        Assert.Equal([FalsificationSignIds.RepeatedBlock, FalsificationSignIds.RequestNumberReuse], only.Signs.Select(s => s.Sign));
        SuspicionEvidence evidence = Assert.Single(only.Signs[0].Evidence);
        Assert.Equal(rescored.Signs[0].Evidence[0], evidence);
        Assert.Null(only.Signs[1].Evidence[0].Parameter);
    }

    [Theory, StoreProviders]
    public async Task Query_FiltersByDaysStationAndScore_HighestFirst(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId a = Some.StationId();
        StationId b = Some.StationId();
        await stores.Suspicions.SaveSuspicionsAsync(
        [
            Suspicion(a, Day, 30), Suspicion(b, Day, 55), Suspicion(a, Day.PlusDays(1), 80), Suspicion(b, Day.PlusDays(2), 0), Suspicion(a, Day.PlusDays(5), 90),
        ], Ct);

        IReadOnlyList<OutletSuspicion> all = await stores.Suspicions.QuerySuspicionsAsync(null, Day, Day.PlusDays(2), 1, 100, Ct);
        Assert.Equal([(a, 80), (b, 55), (a, 30)], all.Select(s => (s.Station, s.Score)));

        Assert.Equal([Day.PlusDays(1), Day], (await stores.Suspicions.QuerySuspicionsAsync(a, Day, Day.PlusDays(2), 0, 100, Ct)).Select(s => s.Day));
        Assert.Single(await stores.Suspicions.QuerySuspicionsAsync(null, Day, Day.PlusDays(2), 60, 100, Ct));
        Assert.Equal(2, (await stores.Suspicions.QuerySuspicionsAsync(null, Day, Day.PlusDays(2), 0, 2, Ct)).Count);
        Assert.Equal(4, (await stores.Suspicions.QuerySuspicionsAsync(null, Day, Day.PlusDays(2), 0, 100, Ct)).Count);
    }

    [Theory, StoreProviders]
    public async Task Station_ReportingInterval_RoundTrips(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Station water = Some.Station() with { Type = StationType.SurfaceWater, ReportingIntervalHours = 4 };
        await stores.Stations.UpsertAsync([water, Some.Station()], Ct);

        await stores.ReopenAsync();

        Assert.Equal(4, (await stores.Stations.GetAsync(water.Id, Ct))!.ReportingIntervalHours);
        Assert.Equal([1, 4], (await stores.Stations.ListAsync(Ct)).Select(s => s.ReportingIntervalHours).Order());
    }

    private static OutletSuspicion Suspicion(StationId station, LocalDate day, int score, params SuspicionSign[] signs) => new()
    {
        Station = station, Day = day, Score = score, Signs = signs, ValuesExamined = 1440, FramesExamined = 12,
        ComputedAt = Instant.FromUtc(2026, 3, 4, 1, 2, 3) + Duration.FromMilliseconds(score),
    };

    private static SuspicionSign Sign(string sign, int weight, ParameterCode? parameter)
    {
        var from = ChinaTime.ToInstant(Day.At(new LocalTime(9, 0)));
        return new SuspicionSign(sign, weight, $"summary of {sign}",
            [new SuspicionEvidence(parameter, from, from + Duration.FromMinutes(150), 150, "SO2 = 25.0 mg/m³ in 150 consecutive minute values 09:00:00–11:30:00")]);
    }
}
