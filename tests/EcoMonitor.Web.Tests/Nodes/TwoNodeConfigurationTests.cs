using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace EcoMonitor.Web.Tests.Nodes;

/// <summary>
/// Two server processes on one PostgreSQL database: configuration written through node A — a station registered or
/// deactivated, a permit limit lowered — is applied by node B within seconds (LISTEN/NOTIFY, docs/adr/0028), and node B
/// reads its registry again before refusing an MN it does not know. The measured times are printed.
/// </summary>
[Trait("Area", "Nodes")]
[Trait("Area", "Postgres")]
public sealed class TwoNodeConfigurationTests
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StationRegisteredThroughA_IsAcceptedByB_AndItsPasswordChangeAndDeactivationReachBWithinSeconds()
    {
        await using TwoNodes nodes = await TwoNodes.StartAsync();
        (ServerNode a, ServerNode b) = (nodes.A, nodes.B);

        var clock = Stopwatch.StartNew();
        await a.RegisterStationAsync("""{"mn":"NODECFG01","name":"两节点测试站","type":"flueGasOutlet","region":"510104","enterprise":"某电厂","password":"123456"}""", Token);
        TimeSpan registered = clock.Elapsed;
        int accepted = await PollAsync(b, "NODECFG01", reply => reply.Command == 9014);
        Output($"station registered through node A accepted by node B {(clock.Elapsed - registered).TotalMilliseconds:F0} ms after the registration returned ({accepted} frames)");

        // Its password changed through A: B refuses the old one once told, and takes the new one.
        clock.Restart();
        await a.RegisterStationAsync("""{"mn":"NODECFG01","name":"两节点测试站","type":"flueGasOutlet","region":"510104","enterprise":"某电厂","password":"654321"}""", Token);
        registered = clock.Elapsed;
        int refused = await PollAsync(b, "NODECFG01", reply => reply.ReturnCode == 3);
        Output($"station password changed through node A: the old one refused by node B {(clock.Elapsed - registered).TotalMilliseconds:F0} ms after the write returned ({refused} frames)");
        Assert.Equal(1, await PollAsync(b, "NODECFG01", reply => reply.Command == 9014, password: "654321"));

        // Deactivated through A: B (which knows the station, so no refresh on its behalf) refuses it once told.
        clock.Restart();
        await a.RegisterStationAsync("""{"mn":"NODECFG01","name":"两节点测试站","type":"flueGasOutlet","region":"510104","enterprise":"某电厂","password":"654321","active":false}""", Token);
        registered = clock.Elapsed;
        int sent = await PollAsync(b, "NODECFG01", reply => reply.ReturnCode == 2, password: "654321");
        Output($"time for a change to reach the other node: station deactivated through node A refused by node B {(clock.Elapsed - registered).TotalMilliseconds:F0} ms after the write returned ({sent} frames)");
    }

    [Fact]
    public async Task StationWrittenWithoutNotification_IsReadAgainByB_BeforeItsFrameIsRefused()
    {
        await using TwoNodes nodes = await TwoNodes.StartAsync();

        // Written behind the nodes' backs with the notification trigger off: only the gateway's refresh can find it.
        await using (var connection = new NpgsqlConnection(nodes.Database))
        {
            await connection.OpenAsync(Token);
            await using var insert = new NpgsqlCommand("""
                BEGIN;
                ALTER TABLE station DISABLE TRIGGER station_changed;
                CREATE TEMP TABLE copied ON COMMIT DROP AS SELECT * FROM station WHERE id = '1431A';
                UPDATE copied SET id = 'NODECFG02';
                INSERT INTO station SELECT * FROM copied;
                ALTER TABLE station ENABLE TRIGGER station_changed;
                COMMIT;
                """, connection);
            await insert.ExecuteNonQueryAsync(Token);
        }

        byte[] reply = await SendForReplyAsync(nodes.B, Frames.Hour("NODECFG02", Frames.NextQn(), "20200601080000", [("a34004", "35")], Frames.PasswordOf("1431A")));
        Assert.Equal(9014, Frames.Read(reply).Command);

        // An MN nobody registered is still refused (QnRtn 4), after its one refresh.
        reply = await SendForReplyAsync(nodes.B, Frames.Hour("NODECFG99", Frames.NextQn(), "20200601080000", [("a34004", "35")]));
        Assert.Equal(4, Frames.Read(reply).ReturnCode);
    }

    [Fact]
    public async Task PermitLimitLoweredThroughA_MakesBRaiseTheAlarmForBsFrames()
    {
        await using TwoNodes nodes = await TwoNodes.StartAsync();
        (ServerNode a, ServerNode b) = (nodes.A, nodes.B);
        await a.RegisterStationAsync("""{"mn":"NODECFG03","name":"两节点测试排口","type":"flueGasOutlet","region":"510104","enterprise":"某电厂","password":"123456"}""", Token);
        await a.SendJsonAsync(HttpMethod.Put, "/api/v1/stations/NODECFG03/permit-limits", """[{"parameter":"a21026","limit":200,"permitNumber":"91510104MA6C000001001P"}]""", Token);
        Assert.Equal(9014, Frames.Read(await SendForReplyAsync(b, SoHour(8))).Command);

        var clock = Stopwatch.StartNew();
        await a.SendJsonAsync(HttpMethod.Put, "/api/v1/stations/NODECFG03/permit-limits", """[{"parameter":"a21026","limit":35,"permitNumber":"91510104MA6C000001001P"}]""", Token);
        TimeSpan lowered = clock.Elapsed;

        // Each hour's value goes to node B; B's alarm engine judges it by the limit it holds when it ingests it.
        for (int hour = 9; ; hour++)
        {
            Assert.Equal(9014, Frames.Read(await SendForReplyAsync(b, SoHour(hour))).Command);
            JsonElement alarms = await b.StaffJsonAsync("/api/v1/alarms?station=NODECFG03&rule=outlet-so2-permit", Token);
            if (alarms.GetArrayLength() > 0)
            {
                Assert.Equal(35m, alarms[0].GetProperty("limit").GetDecimal());
                Output($"permit limit lowered through node A applied by node B's alarm engine {(clock.Elapsed - lowered).TotalMilliseconds:F0} ms after the write returned ({hour - 8} frames)");
                return;
            }

            Assert.True(clock.Elapsed < Patience, $"No alarm on node B within {Patience}: {alarms}\n{b.RecentOutput}");
        }

        static byte[] SoHour(int hour) =>
            Frames.Hour("NODECFG03", Frames.NextQn(), string.Create(CultureInfo.InvariantCulture, $"20260301{hour % 24:D2}0000"), [("a21026", "120")]);
    }

    /// <summary>
    /// Sends hour frames of <paramref name="mn"/> (with <paramref name="password"/>, else its registered one) to
    /// <paramref name="node"/> until a reply satisfies <paramref name="isExpected"/>; returns how many were sent.
    /// </summary>
    private static async Task<int> PollAsync(
        ServerNode node, string mn, Func<(int Command, string Qn, int ReturnCode, string St), bool> isExpected, string? password = null)
    {
        var clock = Stopwatch.StartNew();
        for (int sent = 1; ; sent++)
        {
            var reply = Frames.Read(await SendForReplyAsync(node, Frames.Hour(mn, Frames.NextQn(), "20200601080000", [("a21026", "10")], password)));
            if (isExpected(reply))
            {
                return sent;
            }

            Assert.True(clock.Elapsed < Patience, $"Node on {node.GatewayPort} still answers {reply} after {clock.Elapsed}.\n{node.RecentOutput}");
            await Task.Delay(20, Token);
        }
    }

    private static async Task<byte[]> SendForReplyAsync(ServerNode node, byte[] frame)
    {
        await using FakeStation station = await FakeStation.ConnectAsync(node.GatewayPort, Token);
        await station.SendAsync(frame, Token);
        return await station.ReadReplyAsync(ReplyTimeout, Token) ?? throw new TimeoutException($"No reply from node on {node.GatewayPort}.\n{node.RecentOutput}");
    }

    private static void Output(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
