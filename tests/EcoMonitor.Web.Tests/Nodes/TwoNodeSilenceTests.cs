using System.Globalization;
using Npgsql;

namespace EcoMonitor.Web.Tests.Nodes;

/// <summary>
/// Two server processes on one PostgreSQL database with a 1-minute silence rule: a station that talks only to node B
/// is not reported silent by node A (which never hears it itself), because silence is confirmed against the store.
/// </summary>
[Trait("Area", "Postgres")]
[Trait("Area", "Alarms")]
public sealed class TwoNodeSilenceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StationHeardOnlyByNodeB_IsNotReportedSilentByNodeA_ButIsOnceItStops()
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        PostgresTestServer server = await PostgresTestServer.GetAsync();
        string database = await server.CreateDatabaseAsync(Token);
        string directory = Directory.CreateTempSubdirectory("ecomon-silence-").FullName;
        try
        {
            string rules = Path.Combine(directory, "alarm-rules.json");
            await File.WriteAllTextAsync(rules, """
                { "rules": [ { "id": "silent-1", "name": "1 分钟无数据", "kind": "silence", "station": "1431A", "silentMinutes": 1 } ] }
                """, Token);
            var settings = new Dictionary<string, string>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:Postgres:ConnectionString"] = database,
                ["Alarms:RulesFile"] = rules,
                ["Alarms:CheckInterval"] = "00:00:01",
            };
            ServerNode[] nodes = await Task.WhenAll(ServerNode.StartAsync(settings, Token), ServerNode.StartAsync(settings, Token));
            await using ServerNode a = nodes[0];
            await using ServerNode b = nodes[1];

            // 80 s of data through node B only: node A's own last-heard map never sees the station.
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(80);
            int hour = 0;
            while (DateTime.UtcNow < until)
            {
                await SendAsync(b, hour++);
                await Task.Delay(TimeSpan.FromSeconds(10), Token);
            }

            Assert.Equal(0L, await ScalarAsync(database, "SELECT count(*) FROM alarm WHERE rule_id = 'silent-1'"));

            // Now it stops: one alarm (whichever node raises it), with the time the store last heard it.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(100);
            while (await ScalarAsync(database, "SELECT count(*) FROM alarm WHERE rule_id = 'silent-1'") == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000, Token);
            }

            Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM alarm WHERE rule_id = 'silent-1'"));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task SendAsync(ServerNode node, int hour)
    {
        await using FakeStation station = await FakeStation.ConnectAsync(node.GatewayPort, Token);
        string dataTime = string.Create(CultureInfo.InvariantCulture, $"202006{1 + (hour / 24):D2}{hour % 24:D2}0000");
        await station.SendAsync(Frames.Hour("1431A", Frames.NextQn(), dataTime, [("a34004", (30 + hour).ToString(CultureInfo.InvariantCulture))]), Token);
        Assert.NotNull(await station.ReadReplyAsync(TimeSpan.FromSeconds(15), Token));
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }
}
