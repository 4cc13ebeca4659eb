using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>Slow senders (slowloris) against the platform process: only whole frames keep a connection, and quickly enough.</summary>
[Trait("Area", "Security")]
[Collection(HardenedGateway.Name)]
public sealed class GatewaySlowSenderTests(HardenedGateway gateway)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartedFrame_TrickledOneBytePerHalfSecond_IsClosedAtTheFrameTimeout()
    {
        long before = (await gateway.GatewayStatsAsync()).GetProperty("frameTimeoutClosed").GetInt64();
        using Socket socket = await SourceSockets.ConnectAsync("127.0.20.1", gateway.Server.GatewayPort, Token);

        TimeSpan closedAfter = await TrickleUntilClosedAsync(socket, "##0300QN=20260101000000000;ST=22;CN=2061;PW=123456;MN=1443A;"u8.ToArray());

        Assert.InRange(closedAfter, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        Assert.Equal(before + 1, await gateway.WaitForAsync(g => g.GetProperty("frameTimeoutClosed").GetInt64(), before + 1));
    }

    [Fact]
    public async Task BytesWithoutAFrame_TrickledOnePerHalfSecond_AreClosedAtTheIdleTimeout()
    {
        long before = (await gateway.GatewayStatsAsync()).GetProperty("idleClosed").GetInt64();
        using Socket socket = await SourceSockets.ConnectAsync("127.0.20.2", gateway.Server.GatewayPort, Token);

        TimeSpan closedAfter = await TrickleUntilClosedAsync(socket, Encoding.ASCII.GetBytes(new string('x', 100)));

        Assert.InRange(closedAfter, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(12));
        Assert.Equal(before + 1, await gateway.WaitForAsync(g => g.GetProperty("idleClosed").GetInt64(), before + 1));
    }

    [Fact]
    public async Task NoiseBeyondTheLimit_IsClosedAtOnce()
    {
        long before = (await gateway.GatewayStatsAsync()).GetProperty("noiseClosed").GetInt64();
        using Socket socket = await SourceSockets.ConnectAsync("127.0.20.3", gateway.Server.GatewayPort, Token);

        await SourceSockets.TrySendAsync(socket, new byte[8192], Token);

        Assert.True(await SourceSockets.IsClosedByServerAsync(socket, TimeSpan.FromSeconds(2), Token));
        Assert.Equal(before + 1, await gateway.WaitForAsync(g => g.GetProperty("noiseClosed").GetInt64(), before + 1));
    }

    [Fact]
    public async Task WholeFrames_KeepAConnectionBeyondTheIdleTimeout()
    {
        await using FakeStation station = await FakeStation.ConnectAsync(gateway.Server.GatewayPort, Token);
        var elapsed = Stopwatch.StartNew();
        for (int hour = 0; elapsed.Elapsed < TimeSpan.FromSeconds(5); hour++)
        {
            await station.SendAsync(Frames.Hour("1443A", Frames.NextQn(), $"202008010{hour % 10}0000", [("a34004", "12")], password: SampleNetwork.PasswordOf("1443A")), Token);
            byte[]? reply = await station.ReadReplyAsync(TimeSpan.FromSeconds(10), Token);
            Assert.NotNull(reply);
            Assert.Equal(9014, Frames.Read(reply).Command);
            await Task.Delay(1000, Token);
        }
    }

    /// <summary>Sends <paramref name="bytes"/> one byte every half second until the server closes the connection (at most 20 s); returns when it closed.</summary>
    private static async Task<TimeSpan> TrickleUntilClosedAsync(Socket socket, byte[] bytes)
    {
        var elapsed = Stopwatch.StartNew();
        for (int i = 0; elapsed.Elapsed < TimeSpan.FromSeconds(20); i = (i + 1) % bytes.Length)
        {
            if (!await SourceSockets.TrySendAsync(socket, bytes.AsMemory(i, 1), Token)
                || await SourceSockets.IsClosedByServerAsync(socket, TimeSpan.FromMilliseconds(500), Token))
            {
                return elapsed.Elapsed;
            }
        }

        return elapsed.Elapsed;
    }
}
