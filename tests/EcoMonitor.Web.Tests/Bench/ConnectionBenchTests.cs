using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcoMonitor.Web.Tests.Bench;

/// <summary>
/// <c>ecomon bench connections</c> run as its own process against the platform, also its own process: real sockets, real authentication,
/// real acknowledgements. Only behaviour is asserted (connections held, refused, closed), never memory or time.
/// </summary>
[Trait("Area", "Spine")]
public sealed partial class ConnectionBenchTests : IAsyncLifetime
{
    private PlatformProcess _platform = null!;

    public async ValueTask InitializeAsync() => _platform = await PlatformProcess.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _platform.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Connections_RegisteredStations_HoldsEveryConnectionThenClosesThem()
    {
        (int exitCode, string output) = await EcomonAsync(RepoFiles.Path("samples/network/stations.json"), count: 24);

        Assert.Equal(0, exitCode);
        Assert.Contains("connections held: 24/24 (failed 0); server open connections 0 -> 24 -> 0 after close", output, StringComparison.Ordinal);
        Assert.Contains("KiB per connection", output, StringComparison.Ordinal);
        JsonElement stats = await _platform.StatsAsync();
        Assert.Equal(24, stats.GetProperty("gateway").GetProperty("acksSent").GetInt64());
        Assert.Equal(24, stats.GetProperty("pipeline").GetProperty("framesByOutcome").GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task Connections_WrongPasswords_HoldsNothingAndFails()
    {
        string registry = Path.Combine(Path.GetTempPath(), $"ecomon-bench-{Guid.NewGuid():N}.json");
        string shipped = await File.ReadAllTextAsync(RepoFiles.Path("samples/network/stations.json"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(registry, Password().Replace(shipped, "\"password\": \"wrong-pw\""), TestContext.Current.CancellationToken);
        try
        {
            (int exitCode, string output) = await EcomonAsync(registry, count: 6);

            Assert.Equal(1, exitCode);
            Assert.Contains("first failed connection: refused with QnRtn 3", output, StringComparison.Ordinal);
            Assert.Contains("connections held: 0/6 (failed 6)", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(registry);
        }
    }

    [Fact]
    public async Task Connections_ApiNotOnLoopback_RefusesBeforeConnecting()
    {
        (int exitCode, string output) = await EcomonAsync(RepoFiles.Path("samples/network/stations.json"), count: 1, api: "http://192.0.2.1:5080");

        Assert.Equal(2, exitCode);
        Assert.Contains("must be loopback", output, StringComparison.Ordinal);
        Assert.Equal(0, (await _platform.StatsAsync()).GetProperty("gateway").GetProperty("connectionsTotal").GetInt64());
    }

    private async Task<(int ExitCode, string Output)> EcomonAsync(string registryFile, int count, string? api = null) =>
        await EcomonProcess.RunAsync(
        [
            "bench", "connections",
            "--count", count.ToString(CultureInfo.InvariantCulture), "--batch", "5",
            "--host", "127.0.0.1", "--port", _platform.GatewayPort.ToString(CultureInfo.InvariantCulture),
            "--api", api ?? $"http://127.0.0.1:{_platform.HttpPort}", "--registry", registryFile, "--key", PlatformProcess.AdminKey,
        ]);

    [GeneratedRegex("\"password\": \"[^\"]*\"")]
    private static partial Regex Password();
}
