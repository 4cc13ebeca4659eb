using System.Text.Json;

namespace EcoMonitor.Web.Tests;

[Trait("Area", "Spine")]
public sealed class IdleTimeoutTests
{
    [Fact]
    public async Task SilentConnection_IsClosedAfterTheIdleTimeout()
    {
        await using var api = ApiFactory.With(new Dictionary<string, string?> { ["Gateway:IdleTimeout"] = "00:00:01" });
        _ = api.Client;
        await using FakeStation station = await FakeStation.ConnectAsync(api.GatewayPort, TestContext.Current.CancellationToken);

        bool closed = await station.IsClosedByPeerAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        Assert.True(closed);
        JsonElement stats = await api.StatsAsync();
        Assert.Equal(1, stats.GetProperty("gateway").GetProperty("idleClosed").GetInt64());
    }
}
