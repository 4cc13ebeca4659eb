using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// The archive of rejected frames is bounded per source (20 per 5 s, then one in 10, in this process): a flood of
/// frames from an unknown MN is counted in full and archived as a sample with one summary line, while a known
/// station's frames from the same address, accepted or refused, are all archived.
/// </summary>
[Trait("Area", "Security")]
[Collection(HardenedGateway.Name)]
public sealed class GatewayRejectedArchiveTests(HardenedGateway gateway)
{
    private const string Source = "127.0.34.1";
    private const string Station = "1440A";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnknownMnFlood_IsSampled_TheKnownStationsFramesAreAllArchived()
    {
        long leftOutBefore = (await gateway.GatewayStatsAsync()).GetProperty("rejectedNotArchived").GetInt64();
        string password = SampleNetwork.PasswordOf(Station);
        byte[] flood = [.. Enumerable.Range(0, 200).SelectMany(i => Frames.Hour("NOSUCH01", Frames.NextQn(), "20201201080000", [("a34004", "1")]))];
        await using FakeStation station = await FakeStation.ConnectFromAsync(Source, gateway.Server.GatewayPort, Token);

        await station.SendAsync(flood, Token);
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal((9011, 4), Read(await station.ReadReplyAsync(TimeSpan.FromSeconds(30), Token)));
        }

        for (int hour = 8; hour < 11; hour++)
        {
            await station.SendAsync(Frames.Hour(Station, Frames.NextQn(), $"202012010{hour - 8}0000", [("a34004", "5")], password: password), Token);
            Assert.Equal(9014, Read(await station.ReadReplyAsync(TimeSpan.FromSeconds(30), Token)).Command);
            await station.SendAsync(Frames.Hour(Station, Frames.NextQn(), "99991231230000", [("a34004", "6")], password: password), Token);
            Assert.Equal((9011, 2), Read(await station.ReadReplyAsync(TimeSpan.FromSeconds(30), Token)));
        }

        long archived = await CountAsync("NOSUCH01", null);
        long leftOut = (await gateway.GatewayStatsAsync()).GetProperty("rejectedNotArchived").GetInt64() - leftOutBefore;
        Assert.Equal(200, archived + leftOut);
        Assert.InRange(archived, 20 + 18, 99);
        Assert.Equal(3, await CountAsync(Station, "accepted"));
        Assert.Equal(3, await CountAsync(Station, "rejected"));
        Assert.True(await LoggedAsync($"Rejected frames from {Source}"), "no summary line of the sampled window");
    }

    private static (int Command, int ReturnCode) Read(byte[]? reply)
    {
        (int command, _, int code, _) = Frames.Read(reply ?? throw new Xunit.Sdk.XunitException("no reply"));
        return (command, code);
    }

    private async Task<bool> LoggedAsync(string text)
    {
        var waited = Stopwatch.StartNew();
        while (!gateway.Server.Output.Contains(text, StringComparison.Ordinal))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                return false;
            }

            await Task.Delay(200, Token);
        }

        return true;
    }

    /// <summary>Rows archived from <see cref="Source"/> for <paramref name="mn"/>, of one outcome or all.</summary>
    private async Task<long> CountAsync(string mn, string? outcome)
    {
        await using var connection = new SqliteConnection($"Data Source={gateway.Server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Token);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM raw_frame WHERE station_id = $mn AND peer LIKE $peer AND ($outcome IS NULL OR outcome = $outcome)";
        command.Parameters.AddWithValue("$mn", mn);
        command.Parameters.AddWithValue("$peer", "%" + Source + "%");
        command.Parameters.AddWithValue("$outcome", (object?)outcome ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }
}
