using System.Text;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// No station password in what the gateway stores or logs: the archived bytes of accepted, refused and cut-off frames
/// and the Trace lines of raw frames carry <c>PW=******</c>, byte for byte in the platform process's own SQLite file.
/// </summary>
[Trait("Area", "Security")]
[Collection(HardenedGateway.Name)]
public sealed class GatewayPasswordMaskingTests(HardenedGateway gateway)
{
    private const string Source = "127.0.32.1";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ArchivedFramesAndTraceLines_CarryNoPassword()
    {
        const string Mn = "1446A";
        string password = SampleNetwork.PasswordOf(Mn);
        byte[] accepted = Frames.Hour(Mn, Frames.NextQn(), "20201001080000", [("a34004", "20")], password: password);
        byte[] refused = Frames.Hour(Mn, Frames.NextQn(), "20201001090000", [("a34004", "21")], password: "Wr0ng-" + password);
        byte[] cutOff = Frames.Hour(Mn, Frames.NextQn(), "20201001100000", [("a34004", "22")], password: password);
        await using (FakeStation station = await FakeStation.ConnectFromAsync(Source, gateway.Server.GatewayPort, Token))
        {
            await station.SendAsync(accepted, Token);
            Assert.Equal(9014, Frames.Read((await station.ReadReplyAsync(TimeSpan.FromSeconds(30), Token))!).Command);
            await station.SendAsync(refused, Token);
            Assert.Equal(9011, Frames.Read((await station.ReadReplyAsync(TimeSpan.FromSeconds(30), Token))!).Command);
            await station.SendAsync(cutOff.AsMemory(0, cutOff.Length - 20), Token);
        }

        List<(string Outcome, string Reason, string Text)> rows = await ArchivedFromSourceAsync(expected: 3);

        Assert.Equal(["accepted", "rejected", "rejected"], rows.Select(r => r.Outcome).Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => r.Reason == "WrongPassword");
        Assert.Contains(rows, r => r.Reason == "Truncated");
        Assert.All(rows, r => Assert.DoesNotContain(password, r.Text, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Matches(@"PW=\*{6,};", r.Text));
        Assert.Equal(accepted.Length, rows.Single(r => r.Outcome == "accepted").Text.Length);
        string[] traced = [.. gateway.Server.Output.Split('\n').Where(l => l.Contains("QN=", StringComparison.Ordinal) && l.Contains("MN=" + Mn, StringComparison.Ordinal))];
        Assert.NotEmpty(traced);
        Assert.All(traced, l => Assert.DoesNotContain("PW=" + password, l, StringComparison.Ordinal));
    }

    private async Task<List<(string Outcome, string Reason, string Text)>> ArchivedFromSourceAsync(int expected)
    {
        List<(string Outcome, string Reason, string Text)> rows = [];
        for (int attempt = 0; attempt < 100 && rows.Count < expected; attempt++)
        {
            await Task.Delay(100, Token);
            rows.Clear();
            await using var connection = new SqliteConnection($"Data Source={gateway.Server.DatabasePath};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync(Token);
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT outcome, coalesce(reason, ''), bytes FROM raw_frame WHERE peer LIKE $peer";
            command.Parameters.AddWithValue("$peer", "%" + Source + "%");
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), Encoding.ASCII.GetString((byte[])reader.GetValue(2))));
            }
        }

        return rows;
    }
}
