using System.Diagnostics;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcoMonitor.Gateway.Tests;

/// <summary>
/// <see cref="UnknownStationRefresh"/> over a real registry on a real SQLite store: a station written to the store behind
/// the registry's back is found by the refresh a frame waits for, and a flood of random MNs reads the store at most once a
/// second.
/// </summary>
[Trait("Area", "Nodes")]
public sealed class UnknownStationRefreshTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-refresh-").FullName;
    private ServiceProvider _services = null!;
    private IStationStore _store = null!;
    private StationRegistry _registry = null!;
    private UnknownStationRefresh _refresh = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(_directory, "store.db") }).Build());
        services.AddLogging();
        services.AddSqliteStorage();
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<IStoreSchema>().MigrateAsync(Ct);
        _store = _services.GetRequiredService<IStationStore>();
        _registry = new StationRegistry(_store);
        _refresh = new UnknownStationRefresh(
            _registry, TimeProvider.System, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), NullLogger<UnknownStationRefresh>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        _registry.Dispose();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task StationWrittenBehindTheRegistry_IsFoundByTheRefreshTheFrameWaitsFor()
    {
        var id = StationId.Parse("REFRESH01");
        await _store.UpsertAsync([Station(id)], Ct);
        Assert.False(_registry.TryGet(id, out _));

        Task refresh = Assert.IsAssignableFrom<Task>(_refresh.Request(id.Value));
        await refresh.WaitAsync(Ct);

        Assert.True(_registry.TryGet(id, out _));
        Assert.Equal(1, _refresh.Refreshes);
    }

    [Fact]
    public async Task FloodOfRandomMns_ReadsTheStoreAtMostOnceASecond_AndAnMnNotFoundIsRefusedAtOnce()
    {
        var clock = Stopwatch.StartNew();
        string[] mns = [.. Enumerable.Range(0, 500).Select(i => "FLOOD" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture))];
        var waits = new List<Task>();
        foreach (string mn in mns)
        {
            waits.Add(Assert.IsAssignableFrom<Task>(_refresh.Request(mn)));
        }

        await Task.WhenAll(waits).WaitAsync(Ct);
        foreach (string mn in mns)
        {
            _refresh.NotFound(mn);
        }

        int refreshes = _refresh.Refreshes;
        Assert.InRange(refreshes, 1, 1 + (int)clock.Elapsed.TotalSeconds);
        Assert.All(mns, mn => Assert.Null(_refresh.Request(mn)));
        Assert.Equal(refreshes, _refresh.Refreshes);
    }

    private static Station Station(StationId id) => new()
    {
        Id = id,
        Name = "刷新测试站",
        Type = StationType.FlueGasOutlet,
        Region = RegionCode.Parse("510104"),
        Password = StationPassword.Plain("123456").Hash(StationPassword.MinIterations),
    };
}
