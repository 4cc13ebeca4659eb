using EcoMonitor.Domain;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// The store contract (src/EcoMonitor.Application/Storage), checked against every engine through the interfaces
/// only. Split by aspect into partial files.
/// </summary>
[Trait("Area", "Spine")]
public sealed partial class StoreContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task MigrateAsync_RunAgain_IsIdempotentAndKeepsData(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Station station = Some.Station();
        await stores.Stations.UpsertAsync([station], Ct);

        await stores.Schema.MigrateAsync(Ct);
        await stores.Schema.MigrateAsync(Ct);

        Assert.Equal(station, await stores.Stations.GetAsync(station.Id, Ct));
    }

    [Theory, StoreProviders]
    public async Task UpsertAsync_NewAndExisting_CountsNewAndReplacesExisting(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Station first = Some.Station();
        Station second = Some.Station();
        Assert.Equal(1, await stores.Stations.UpsertAsync([first], Ct));

        Station renamed = first with { Name = "新名称", IsActive = false };
        int added = await stores.Stations.UpsertAsync([renamed, second], Ct);

        Assert.Equal(1, added);
        Assert.Equal(renamed, await stores.Stations.GetAsync(first.Id, Ct));
    }

    [Theory, StoreProviders]
    public async Task GetAsync_EveryField_RoundTrips(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Station station = Some.Station() with
        {
            Type = StationType.WasteWaterOutlet,
            Location = new GeoPoint(104.0665, 30.5723),
            ControlLevel = ControlLevel.National,
            Enterprise = "某某化工有限公司",
            Encoding = TextEncoding.Gbk,
            PeriodLabel = PeriodLabel.PeriodEnd,
            WaterTargetClass = 3,
            NoiseZone = "4a",
            IsActive = false,
        };
        await stores.Stations.UpsertAsync([station], Ct);

        Assert.Equal(station, await stores.Stations.GetAsync(station.Id, Ct));
    }

    [Theory, StoreProviders]
    [Trait("Area", "Standards")]
    public async Task DrinkingWaterSource_RoundTrips_AndIsClearedByAnUpsert(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Station source = Some.Station() with { Type = StationType.SurfaceWater, WaterTargetClass = 2, WaterBody = WaterBodyType.Reservoir, IsDrinkingWaterSource = true, Basin = "长江流域", WaterBodyName = "红枫湖" };
        Station other = Some.Station() with { Type = StationType.SurfaceWater };
        await stores.Stations.UpsertAsync([source, other], Ct);

        Assert.Equal(source, await stores.Stations.GetAsync(source.Id, Ct));
        Assert.False((await stores.Stations.GetAsync(other.Id, Ct))!.IsDrinkingWaterSource);
        Assert.Equal([source.Id], (await stores.Stations.ListAsync(Ct)).Where(s => s.IsDrinkingWaterSource).Select(s => s.Id));

        await stores.Stations.UpsertAsync([source with { IsDrinkingWaterSource = false }], Ct);

        Assert.False((await stores.Stations.GetAsync(source.Id, Ct))!.IsDrinkingWaterSource);
    }

    [Theory, StoreProviders]
    public async Task GetAsync_UnknownStation_ReturnsNull(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);

        Assert.Null(await stores.Stations.GetAsync(Some.StationId(), Ct));
    }

    [Theory, StoreProviders]
    public async Task ListAsync_OrdersByMnOrdinal(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Station lower = Some.Station(StationId.Parse("a0001"));
        Station upper = Some.Station(StationId.Parse("B0001"));
        Station digit = Some.Station(StationId.Parse("10001"));
        await stores.Stations.UpsertAsync([lower, upper, digit], Ct);

        IReadOnlyList<Station> listed = await stores.Stations.ListAsync(Ct);

        Assert.Equal(["10001", "B0001", "a0001"], listed.Select(s => s.Id.Value));
    }
}
