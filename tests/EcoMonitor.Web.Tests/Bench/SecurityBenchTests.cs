using System.Globalization;

namespace EcoMonitor.Web.Tests.Bench;

/// <summary>
/// <c>ecomon bench flood</c> and <c>ecomon bench passwords</c> run as their own processes against the platform, also
/// its own process (limits of 50 connections, a backoff of 0.2 s doubling to 1 s). Behaviour only: what was held,
/// refused and answered, never how fast.
/// </summary>
[Trait("Area", "Security")]
public sealed class SecurityBenchTests : IAsyncLifetime
{
    private PlatformProcess _platform = null!;

    public async ValueTask InitializeAsync() => _platform = await PlatformProcess.StartAsync(
        new Dictionary<string, string>
        {
            ["Gateway:MaxConnections"] = "50",
            ["Gateway:PasswordBackoff:FirstDelay"] = "00:00:00.2",
            ["Gateway:PasswordBackoff:MaxDelay"] = "00:00:01",
        },
        fileHandleLimit: null,
        TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _platform.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Flood_BeyondTheLimit_HoldsTheLimit_AndTheApiAnswers()
    {
        (int exitCode, string output) = await EcomonProcess.RunAsync(
        [
            "bench", "flood", "--count", "80", "--sources", "4", "--requests", "20", "--batch", "20",
            "--port", _platform.GatewayPort.ToString(CultureInfo.InvariantCulture), "--api", $"http://127.0.0.1:{_platform.HttpPort}",
            "--key", PlatformProcess.AdminKey,
        ]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("80 connected (0 connects failed), 50 held, 30 closed by the server", output, StringComparison.Ordinal);
        Assert.Contains("(limit 50, 32 per address); refused at the limit 30, at the per-address limit 0", output, StringComparison.Ordinal);
        Assert.Contains("during the flood: p50", output, StringComparison.Ordinal);
        Assert.Contains("(20 ok, 0 failed)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_GuessedFromOneAddress_AreAnsweredSlowly_ThenTheRightOneIsAccepted()
    {
        (int exitCode, string output) = await EcomonProcess.RunAsync(
        [
            "bench", "passwords", "--mn", "1119A", "--seconds", "8", "--connections", "2",
            "--port", _platform.GatewayPort.ToString(CultureInfo.InvariantCulture), "--registry", RepoFiles.Path("samples/network/stations.json"),
        ]);

        Assert.True(exitCode == 0, output);
        int answered = int.Parse(output.Split("wrong passwords answered: ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        // 5 free (and one more started alongside the fifth), then turns of 0.2, 0.4, 0.8, 1, 1 … s: about 14 in 8 s. The
        // window is long enough for a loaded machine to answer the free ones; the upper bound is what the backoff allows.
        Assert.InRange(answered, 5, 16);
        Assert.Contains("then the right password from the same address: answered 9014 after", output, StringComparison.Ordinal);
    }
}
