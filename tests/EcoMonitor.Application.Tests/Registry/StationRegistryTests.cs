using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Tests.Registry;

[Trait("Area", "Spine")]
public sealed class StationRegistryTests
{
    private readonly InMemoryStationStore _store = new();

    [Fact]
    public async Task UpsertAsync_PublishesNewSnapshot_OldSnapshotUnchanged()
    {
        using var registry = new StationRegistry(_store);
        await registry.UpsertAsync([Some.Station("1431A")], TestContext.Current.CancellationToken);
        Station[] before = [.. registry.Stations];

        int added = await registry.UpsertAsync([Some.Station("1432A"), Some.Station("1431A", "改名")], TestContext.Current.CancellationToken);

        Assert.Equal(1, added);
        Assert.Equal("金泉两河", Assert.Single(before).Name);
        Assert.True(registry.TryGet(StationId.Parse("1431A"), out Station renamed));
        Assert.Equal("改名", renamed.Name);
        Assert.Equal(2, registry.Count);
    }

    [Fact]
    public async Task LoadAsync_TakesEveryStationFromTheStore()
    {
        await _store.UpsertAsync([Some.Station("1431A"), Some.Station("1119A")], TestContext.Current.CancellationToken);
        using var registry = new StationRegistry(_store);

        await registry.LoadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, registry.Count);
        Assert.True(registry.TryGet(StationId.Parse("1119A"), out _));
        Assert.False(registry.TryGet(StationId.Parse("9999A"), out _));
    }

    [Fact]
    public async Task UpsertAsync_StoreFails_SnapshotUnchanged()
    {
        using var registry = new StationRegistry(_store);
        _store.FailNextWrite = true;

        await Assert.ThrowsAsync<IOException>(() => registry.UpsertAsync([Some.Station()], TestContext.Current.CancellationToken));

        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public async Task TryGet_DoesNotAllocate()
    {
        using var registry = new StationRegistry(_store);
        await registry.UpsertAsync([Some.Station("1431A"), Some.Station("1432A")], TestContext.Current.CancellationToken);
        var id = StationId.Parse("1431A");
        registry.TryGet(id, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int found = 0;
        for (int i = 0; i < 1000; i++)
        {
            found += registry.TryGet(id, out _) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, found);
    }

    [Fact]
    public async Task SeedAsync_SampleNetwork_UpsertsEveryStationIntoStore()
    {
        using var registry = new StationRegistry(_store);
        var logger = new ListLogger<RegistrySeeder>();
        var seeder = new RegistrySeeder(registry, RegionCatalog.Shipped, Options.Create(new RegistryOptions { StationsFile = RepoFiles.Path("samples/network/stations.json") }), logger);

        RegistrySeedResult result = await seeder.SeedAsync(TestContext.Current.CancellationToken);

        Assert.Equal((220, 220), (result.Accepted, result.Added));
        Assert.Empty(result.Errors);
        Assert.Equal(220, (await _store.ListAsync(TestContext.Current.CancellationToken)).Count);
        Assert.True(registry.TryGet(StationId.Parse("1431A"), out _));
    }

    [Fact]
    public async Task SeedAsync_BrokenEntries_LogsEachAndSeedsTheGoodOnes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ecomon-stations-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            { "stations": [
              { "mn": "1431A", "name": "金泉两河", "type": "airQuality", "region": "510106", "password": "pw1111" },
              { "mn": "1432A", "name": "十里店", "type": "airQuality", "region": "5101", "password": "pw1111" }
            ] }
            """, TestContext.Current.CancellationToken);
        try
        {
            using var registry = new StationRegistry(_store);
            var logger = new ListLogger<RegistrySeeder>();
            var seeder = new RegistrySeeder(registry, RegionCatalog.Shipped, Options.Create(new RegistryOptions { StationsFile = path }), logger);

            RegistrySeedResult result = await seeder.SeedAsync(TestContext.Current.CancellationToken);

            Assert.Equal(1, result.Accepted);
            Assert.NotNull(await _store.GetAsync(StationId.Parse("1431A"), TestContext.Current.CancellationToken));
            var rejected = Assert.Single(logger.Entries, e => e.EventId.Id == 4101);
            Assert.Contains("1432A", rejected.Message, StringComparison.Ordinal);
            Assert.Contains("region", rejected.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SeedAsync_MissingFile_SeedsNothingAndWarns()
    {
        using var registry = new StationRegistry(_store);
        var logger = new ListLogger<RegistrySeeder>();
        var seeder = new RegistrySeeder(registry, RegionCatalog.Shipped, Options.Create(new RegistryOptions { StationsFile = "/nonexistent/stations.json" }), logger);

        RegistrySeedResult result = await seeder.SeedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Accepted);
        Assert.Contains(logger.Entries, e => e.EventId.Id == 4100);
    }
}
