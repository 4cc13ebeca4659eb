using System.Text;
using System.Text.Json;

namespace EcoMonitor.Web.Tests;

/// <summary>The HJ 212 gateway over real TCP against the real host and store.</summary>
[Trait("Area", "Spine")]
public sealed class GatewayTests : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private readonly ApiFactory _api;

    public GatewayTests(ApiFactory api) => _api = api;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DataFrame_AskingForAck_IsAcknowledgedAfterItIsStored()
    {
        string qn = Frames.NextQn();
        await using FakeStation station = await ConnectAsync();

        await station.SendAsync(Frames.Hour("1431A", qn, "20200601080000", [("a34004", "35.5"), ("a21005", "0.72")]), Token);
        (int command, string ackQn, _, string st) = Frames.Read(await ReplyAsync(station));

        Assert.Equal(9014, command);
        Assert.Equal(qn, ackQn);
        Assert.Equal("91", st);
        JsonElement rows = await _api.ObservationsAsync("1431A", "from=2020-06-01&to=2020-06-02");
        Assert.Equal(2, rows.GetArrayLength());
        JsonElement co = rows.EnumerateArray().Single(r => r.GetProperty("parameter").GetString() == "a21005");
        Assert.Equal(0.72m, co.GetProperty("value").GetDecimal());
        Assert.Equal("2020-06-01T08:00:00+08:00", co.GetProperty("periodStart").GetString());
        Assert.Equal("hj212", co.GetProperty("source").GetString());
    }

    [Fact]
    public async Task WrongPassword_IsRefusedWithQnRtn3_CountedAndNotStored()
    {
        await using FakeStation station = await ConnectAsync();

        await station.SendAsync(Frames.Hour("1432A", Frames.NextQn(), "20200602080000", [("a34004", "10")], password: "wrong"), Token);
        (int command, _, int code, _) = Frames.Read(await ReplyAsync(station));

        Assert.Equal(9011, command);
        Assert.Equal(3, code);
        Assert.Equal(0, (await _api.ObservationsAsync("1432A", "from=2020-06-02&to=2020-06-03")).GetArrayLength());
        JsonElement stats = await _api.StatsAsync();
        Assert.True(stats.GetProperty("pipeline").GetProperty("rejectionsByReason").GetProperty("WrongPassword").GetInt64() >= 1);
    }

    [Fact]
    public async Task UnknownMn_IsRefusedWithQnRtn4_AndArchived()
    {
        await using FakeStation station = await ConnectAsync();

        await station.SendAsync(Frames.Hour("UNREGISTERED9", Frames.NextQn(), "20200602080000", [("a34004", "10")]), Token);
        (int command, _, int code, _) = Frames.Read(await ReplyAsync(station));

        Assert.Equal(9011, command);
        Assert.Equal(4, code);
        JsonElement stats = await _api.StatsAsync();
        Assert.True(stats.GetProperty("pipeline").GetProperty("rejectionsByReason").GetProperty("UnknownStation").GetInt64() >= 1);
        Assert.True(stats.GetProperty("archivedFramesByOutcome").GetProperty("rejected").GetInt64() >= 1);
    }

    [Fact]
    public async Task NoisyJoinedAndSplitReads_AreFramedAndAllAcknowledged()
    {
        string[] qns = [Frames.NextQn(), Frames.NextQn(), Frames.NextQn()];
        byte[] first = Frames.Hour("1433A", qns[0], "20200603080000", [("a34004", "1")]);
        byte[] second = Frames.Hour("1433A", qns[1], "20200603090000", [("a34004", "2")]);
        byte[] third = Frames.Hour("1433A", qns[2], "20200603100000", [("a34004", "3")]);
        await using FakeStation station = await ConnectAsync();

        byte[] joined = [.. "line noise\r\n#"u8.ToArray(), .. first, .. "xx"u8.ToArray(), .. second];
        await station.SendAsync(joined, Token);
        await station.SendAsync(third.AsMemory(0, 5), Token);
        await Task.Delay(50, Token);
        await station.SendAsync(third.AsMemory(5, 100), Token);
        await Task.Delay(50, Token);
        await station.SendAsync(third.AsMemory(105), Token);

        string[] acked = [Frames.Read(await ReplyAsync(station)).Qn, Frames.Read(await ReplyAsync(station)).Qn, Frames.Read(await ReplyAsync(station)).Qn];
        Assert.Equal(qns, acked);
        Assert.Equal(3, (await _api.ObservationsAsync("1433A", "from=2020-06-03&to=2020-06-04")).GetArrayLength());
        Assert.True((await _api.StatsAsync()).GetProperty("gateway").GetProperty("skippedBytes").GetInt64() >= 15);
    }

    [Fact]
    public async Task CorruptFrame_IsArchivedAndTheConnectionGoesOn()
    {
        byte[] corrupt = Frames.Hour("1434A", Frames.NextQn(), "20200604080000", [("a34004", "50")], flag: 4);
        corrupt[40] = (byte)(corrupt[40] == (byte)'1' ? '2' : '1');
        string goodQn = Frames.NextQn();
        await using FakeStation station = await ConnectAsync();

        await station.SendAsync(corrupt, Token);
        await station.SendAsync(Frames.Hour("1434A", goodQn, "20200604090000", [("a34004", "51")]), Token);

        Assert.Equal(goodQn, Frames.Read(await ReplyAsync(station)).Qn);
        JsonElement rows = await _api.ObservationsAsync("1434A", "from=2020-06-04&to=2020-06-05");
        Assert.Equal(51m, Assert.Single(rows.EnumerateArray()).GetProperty("value").GetDecimal());
        Assert.True((await _api.StatsAsync()).GetProperty("pipeline").GetProperty("rejectionsByReason").GetProperty("CrcMismatch").GetInt64() >= 1);
    }

    [Fact]
    public async Task Resend_IsAcknowledgedAgain_AndStoredOnce()
    {
        string qn = Frames.NextQn();
        byte[] frame = Frames.Hour("1435A", qn, "20200605080000", [("a34004", "12")]);
        await using FakeStation station = await ConnectAsync();
        long duplicatesBefore = (await _api.StatsAsync()).GetProperty("pipeline").GetProperty("framesByOutcome").GetProperty("duplicate").GetInt64();

        await station.SendAsync(frame, Token);
        Assert.Equal(qn, Frames.Read(await ReplyAsync(station)).Qn);
        await station.SendAsync(frame, Token);
        Assert.Equal(qn, Frames.Read(await ReplyAsync(station)).Qn);

        Assert.Single((await _api.ObservationsAsync("1435A", "from=2020-06-05&to=2020-06-06")).EnumerateArray());
        long duplicatesAfter = (await _api.StatsAsync()).GetProperty("pipeline").GetProperty("framesByOutcome").GetProperty("duplicate").GetInt64();
        Assert.Equal(duplicatesBefore + 1, duplicatesAfter);
    }

    [Fact]
    public async Task SubPackets_AreEachAcknowledged_AndTheMessageIsReassembled()
    {
        string qn = Frames.NextQn();
        await using FakeStation station = await ConnectAsync();

        await station.SendAsync(Frames.Hour("1436A", qn, "20200606080000", [("a34004", "20")], flag: 7, packetCount: 2, packetNumber: 1), Token);
        Assert.Equal(9014, Frames.Read(await ReplyAsync(station)).Command);
        await station.SendAsync(Frames.Hour("1436A", qn, "20200606080000", [("a34002", "40")], flag: 7, packetCount: 2, packetNumber: 2, withDataTime: false), Token);
        Assert.Equal(9014, Frames.Read(await ReplyAsync(station)).Command);

        JsonElement rows = await _api.ObservationsAsync("1436A", "from=2020-06-06&to=2020-06-07");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.All(rows.EnumerateArray(), r => Assert.Equal("2020-06-06T08:00:00+08:00", r.GetProperty("periodStart").GetString()));
        Assert.True((await _api.StatsAsync()).GetProperty("gateway").GetProperty("messagesCompleted").GetInt64() >= 1);
    }

    [Fact]
    public async Task OversizedFrame_IsRejectedWithoutDroppingTheConnection()
    {
        string goodQn = Frames.NextQn();
        await using FakeStation station = await ConnectAsync();

        await station.SendAsync(Encoding.ASCII.GetBytes("##5000QN=1;ST=22"), Token);
        await station.SendAsync(Frames.Hour("1437A", goodQn, "20200607080000", [("a34004", "9")]), Token);

        Assert.Equal(goodQn, Frames.Read(await ReplyAsync(station)).Qn);
        Assert.True((await _api.StatsAsync()).GetProperty("pipeline").GetProperty("rejectionsByReason").GetProperty("FrameTooLong").GetInt64() >= 1);
    }

    [Fact]
    public async Task FrameCutOffByAClosedConnection_IsArchivedAsTruncated()
    {
        byte[] frame = Frames.Hour("1438A", Frames.NextQn(), "20200608080000", [("a34004", "9")]);
        long before = await RejectedAsync("Truncated");

        await using (FakeStation station = await ConnectAsync())
        {
            await station.SendAsync(frame.AsMemory(0, frame.Length / 2), Token);
        }

        long after = before;
        for (int attempt = 0; attempt < 50 && after == before; attempt++)
        {
            await Task.Delay(100, Token);
            after = await RejectedAsync("Truncated");
        }

        Assert.Equal(before + 1, after);
        Assert.Equal(0, (await _api.ObservationsAsync("1438A", "from=2020-06-08&to=2020-06-09")).GetArrayLength());
    }

    [Fact]
    public async Task Hj2005Frame_IsStoredWithItsCodesMapped()
    {
        const string Frame = "##0136ST=32;CN=2011;PW=000000;MN=LD130133000015;CP=&&DataTime=20160824003817;011-Rtd=231.0,011-Flag=N;B01-Rtd=36.91;060-Rtd=1.803,060-Flag=N&&1dc0\r\n";
        using HttpResponseMessage registered = await _api.RegisterStationAsync(
            """{"mn":"LD130133000015","name":"污水排口 2005","type":"wasteWaterOutlet","region":"130133","password":"000000"}""");
        registered.EnsureSuccessStatusCode();
        await using FakeStation station = await ConnectAsync();

        await station.SendAsync(Encoding.ASCII.GetBytes(Frame), Token);

        JsonElement rows = default;
        for (int attempt = 0; attempt < 50 && rows.ValueKind != JsonValueKind.Array | (rows.ValueKind == JsonValueKind.Array && rows.GetArrayLength() == 0); attempt++)
        {
            await Task.Delay(100, Token);
            rows = await _api.ObservationsAsync("LD130133000015", "interval=realTime&from=2016-08-24&to=2016-08-25");
        }

        string[] codes = rows.EnumerateArray().Select(r => r.GetProperty("parameter").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("w01018", codes);
        Assert.Contains("w21003", codes);
        JsonElement cod = rows.EnumerateArray().Single(r => r.GetProperty("parameter").GetString() == "w01018");
        Assert.Equal("2016-08-24T00:38:17+08:00", cod.GetProperty("periodStart").GetString());
        Assert.Equal(231.0m, cod.GetProperty("value").GetDecimal());
    }

    private async Task<long> RejectedAsync(string reason) =>
        (await _api.StatsAsync()).GetProperty("pipeline").GetProperty("rejectionsByReason").TryGetProperty(reason, out JsonElement count) ? count.GetInt64() : 0;

    private async Task<FakeStation> ConnectAsync()
    {
        _ = _api.Client;
        return await FakeStation.ConnectAsync(_api.GatewayPort, Token);
    }

    private static async Task<byte[]> ReplyAsync(FakeStation station) =>
        await station.ReadReplyAsync(ReplyTimeout, Token) ?? throw new Xunit.Sdk.XunitException("no reply from the gateway");
}
