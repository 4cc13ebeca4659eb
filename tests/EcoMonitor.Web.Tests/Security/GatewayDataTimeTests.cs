using System.Globalization;
using System.Text;
using System.Text.Json;
using EcoMonitor.Protocol.Hj212;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Time that cannot be true is refused at the door (Gateway:DataTime, default 2000-01-01 to one day ahead): year 9999
/// and year 0001, two days ahead, in hour, real-time and split frames, each answered 9011 QnRtn 2 (never 9014),
/// archived as rejected with reason DataTimeOutOfRange and counted, while their neighbours on the same connection are
/// acknowledged and stored.
/// </summary>
[Trait("Area", "Security")]
[Collection(HardenedGateway.Name)]
public sealed class GatewayDataTimeTests(HardenedGateway gateway)
{
    private const string Mn = "1447A";
    private const string Reason = "DataTimeOutOfRange";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImpossibleDataTimes_AreRefusedArchivedAndCounted_TheirNeighboursStored()
    {
        string password = SampleNetwork.PasswordOf(Mn);
        string twoDaysAhead = DateTime.UtcNow.AddHours(8).AddDays(2).ToString("yyyyMMddHH0000", CultureInfo.InvariantCulture);
        string halfADayAhead = DateTime.UtcNow.AddHours(8).AddHours(12).ToString("yyyyMMddHH0000", CultureInfo.InvariantCulture);
        long countedBefore = await CountedAsync();
        string splitQn = Frames.NextQn();
        (string Name, byte[] Frame, bool IsBelievable)[] sent =
        [
            ("hour 08", Frames.Hour(Mn, Frames.NextQn(), "20201101080000", [("a34004", "31")], password: password), true),
            ("year 9999", Frames.Hour(Mn, Frames.NextQn(), "99991231230000", [("a34004", "32")], password: password), false),
            ("hour 09", Frames.Hour(Mn, Frames.NextQn(), "20201101090000", [("a34004", "33")], password: password), true),
            ("year 0001", Frames.Hour(Mn, Frames.NextQn(), "00010101000000", [("a34004", "34")], password: password), false),
            ("hour 10", Frames.Hour(Mn, Frames.NextQn(), "20201101100000", [("a34004", "35")], password: password), true),
            ("two days ahead", Frames.Hour(Mn, Frames.NextQn(), twoDaysAhead, [("a34004", "36")], password: password), false),
            ("half a day ahead", Frames.Hour(Mn, Frames.NextQn(), halfADayAhead, [("a34004", "37")], password: password), true),
            ("real-time 9999", RealTime(Mn, password, "99990101000000"), false),
            ("split 1/2 in 9999", Frames.Hour(Mn, splitQn, "99990101000000", [("a34004", "38")], password: password, flag: 7, packetCount: 2, packetNumber: 1), false),
            ("split 2/2 taking its message's 9999", Frames.Hour(Mn, splitQn, "", [("a34002", "39")], password: password, flag: 7, packetCount: 2, packetNumber: 2, withDataTime: false), false),
            ("hour 11", Frames.Hour(Mn, Frames.NextQn(), "20201101110000", [("a34004", "40")], password: password), true),
        ];
        await using FakeStation station = await FakeStation.ConnectFromAsync("127.0.33.1", gateway.Server.GatewayPort, Token);

        foreach ((string name, byte[] frame, bool isBelievable) in sent)
        {
            await station.SendAsync(frame, Token);
            (int command, _, int code, _) = Frames.Read(await station.ReadReplyAsync(TimeSpan.FromSeconds(30), Token) ?? throw new Xunit.Sdk.XunitException($"no reply to {name}"));
            Assert.True(isBelievable ? command == 9014 : (command, code) == (9011, 2), $"{name}: answered {command} QnRtn {code}");
        }

        Assert.Equal(6, await ArchivedAsync());
        Assert.Equal(countedBefore + 6, await CountedAsync());
        using HttpResponseMessage response = await gateway.Server.Client.GetAsync(new Uri($"/api/v1/stations/{Mn}/observations?from=2000-01-01&to=2100-01-01", UriKind.Relative), Token);
        response.EnsureSuccessStatusCode();
        JsonElement stored = await ApiFactory.ReadJsonAsync(response);
        Assert.Equal(["31", "33", "35", "37", "40"], stored.EnumerateArray().Select(o => o.GetProperty("value").GetDecimal().ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
    }

    /// <summary>A real-time data frame (CN 2011) asking for an acknowledgement.</summary>
    private static byte[] RealTime(string mn, string password, string dataTime)
    {
        Hj212Message message = new();
        message.SetHeader("QN", Frames.NextQn());
        message.SetHeader("ST", "22");
        message.SetHeader("CN", "2011");
        message.SetHeader("PW", password);
        message.SetHeader("MN", mn);
        message.SetHeader("Flag", "5");
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField("DataTime", dataTime)]));
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField("a34004-Rtd", "41"), new Hj212TextField("a34004-Flag", "N")]));
        return Hj212Formatter.Format(message, Encoding.UTF8);
    }

    private async Task<long> CountedAsync() =>
        (await gateway.Server.StatsAsync()).GetProperty("pipeline").GetProperty("rejectionsByReason") is var reasons && reasons.TryGetProperty(Reason, out JsonElement count)
            ? count.GetInt64()
            : 0;

    /// <summary>Rows archived for the station as rejected with the reason.</summary>
    private async Task<long> ArchivedAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={gateway.Server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Token);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM raw_frame WHERE station_id = $mn AND outcome = 'rejected' AND reason = $reason";
        command.Parameters.AddWithValue("$mn", Mn);
        command.Parameters.AddWithValue("$reason", Reason);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }
}
