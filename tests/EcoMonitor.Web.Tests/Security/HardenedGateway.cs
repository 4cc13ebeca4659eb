using System.Diagnostics;
using System.Text.Json;
using EcoMonitor.Web.Tests.Bench;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// One platform process shared by the gateway hardening tests (collection <see cref="Name"/>), with short timeouts and
/// a fast password backoff so that each attack is judged in seconds: idle 3 s, frame 2 s, 4 KiB of noise, backoff
/// 5 free failures then 0.2 s doubling to 1 s; rejected frames archived in full up to 20 per source and 5 s, then one
/// in 10; raw frames logged (Trace).
/// </summary>
public sealed class HardenedGateway : IAsyncLifetime
{
    public const string Name = "Hardened gateway process";
    public const string AdminKey = "test-hardened-admin-key-41d2";

    internal PlatformProcess Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Server = await PlatformProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Gateway:IdleTimeout"] = "00:00:03",
                ["Gateway:FrameTimeout"] = "00:00:02",
                ["Gateway:MaxNoiseBytes"] = "4096",
                ["Gateway:PasswordBackoff:FreeFailures"] = "5",
                ["Gateway:PasswordBackoff:FirstDelay"] = "00:00:00.2",
                ["Gateway:PasswordBackoff:MaxDelay"] = "00:00:01",
                ["Security:BootstrapAdminKey"] = AdminKey,
                ["Logging:LogLevel:EcoMonitor.Gateway.FrameProcessor"] = "Trace",
                ["Gateway:RejectedArchive:FramesPerWindow"] = "20",
                ["Gateway:RejectedArchive:SampleOneIn"] = "10",
                ["Gateway:RejectedArchive:Window"] = "00:00:05",
            },
            fileHandleLimit: null,
            TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        Server.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The gateway's figures (<c>/api/v1/ingest/stats</c>, property <c>gateway</c>).</summary>
    internal async Task<JsonElement> GatewayStatsAsync() => (await Server.StatsAsync()).GetProperty("gateway");

    /// <summary>Waits until <paramref name="read"/> of the gateway's figures reaches <paramref name="atLeast"/> (at most 20 s); returns the last value.</summary>
    internal async Task<long> WaitForAsync(Func<JsonElement, long> read, long atLeast)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            long value = read(await GatewayStatsAsync());
            if (value >= atLeast || waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                return value;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>The tests that share <see cref="HardenedGateway"/> (run one class after the other).</summary>
[CollectionDefinition(HardenedGateway.Name)]
public sealed class HardenedGatewayGroup : ICollectionFixture<HardenedGateway>;
