using System.Text.Json;
using Npgsql;

namespace EcoMonitor.Web.Tests.Nodes;

/// <summary>
/// Two server processes on different ports share one PostgreSQL database: stations connect to either, nothing is
/// stored twice, each node reads what the other ingested, and evaluation results exist once.
/// </summary>
[Trait("Area", "Postgres")]
public sealed class TwoNodeTests
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodes_OneDatabase_StationsOnEither_NothingStoredTwice()
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        PostgresTestServer server = await PostgresTestServer.GetAsync();
        string database = await server.CreateDatabaseAsync(Token);
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:Postgres:ConnectionString"] = database,
            };
            // Started together: both migrate the same empty database at once (the migration lock makes it once).
            ServerNode[] nodes = await Task.WhenAll(ServerNode.StartAsync(settings, Token), ServerNode.StartAsync(settings, Token));
            await using ServerNode a = nodes[0];
            await using ServerNode b = nodes[1];
            Assert.NotEqual(a.HttpPort, b.HttpPort);

            // The same packet reaches both nodes (a station that failed over and resent): both acknowledge, one stores.
            string qn = Frames.NextQn();
            byte[] frame = Frames.Hour("1431A", qn, "20200601080000", [("a34004", "35"), ("a21005", "0.7"), ("a34002", "60")]);
            Assert.Equal(qn, await SendAsync(a, frame));
            Assert.Equal(qn, await SendAsync(b, frame));
            // Another station on node B only; a third revised through node A after first arriving on node B.
            Assert.Equal(9014, Frames.Read(await SendForReplyAsync(b, Frames.Hour("1432A", Frames.NextQn(), "20200601080000", [("a34004", "40")]))).Command);
            await SendAsync(b, Frames.Hour("1433A", Frames.NextQn(), "20200601080000", [("a34004", "10")]));
            await SendAsync(a, Frames.Hour("1433A", Frames.NextQn(), "20200601080000", [("a34004", "11")]));

            foreach (ServerNode node in nodes)
            {
                Assert.Equal(3, (await ObservationsAsync(node, "1431A")).GetArrayLength());
                Assert.Equal(40m, Single(await ObservationsAsync(node, "1432A")).GetProperty("value").GetDecimal());
                Assert.Equal(11m, Single(await ObservationsAsync(node, "1433A")).GetProperty("value").GetDecimal());
            }

            Assert.Equal(5L, await ScalarAsync(database, "SELECT count(*) FROM observation_value"));
            Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM observation_history"));
            Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM raw_frame WHERE outcome = 'duplicate'"));
            Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM schema_version WHERE version = 1"));

            // Evaluation: each node's worker recomputes what it ingested; the hour's AQI exists once and both nodes serve it.
            string hour = "interval=hour&from=2020-06-01T08:00:00%2B08:00&to=2020-06-01T09:00:00%2B08:00";
            JsonElement fromA = await WaitForAqiAsync(a, "/api/v1/stations/1433A/aqi?" + hour);
            JsonElement fromB = await WaitForAqiAsync(b, "/api/v1/stations/1433A/aqi?" + hour);
            Assert.Equal(fromA.GetRawText(), fromB.GetRawText());
            Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM aqi_hour WHERE scope = 'station' AND code = '1433A'"));
            Assert.Equal(0L, await ScalarAsync(database,
                "SELECT count(*) FROM (SELECT scope, code, hour_start FROM aqi_hour GROUP BY 1, 2, 3 HAVING count(*) > 1) d"));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    private static async Task<string> SendAsync(ServerNode node, byte[] frame) => Frames.Read(await SendForReplyAsync(node, frame)).Qn;

    private static async Task<byte[]> SendForReplyAsync(ServerNode node, byte[] frame)
    {
        await using FakeStation station = await FakeStation.ConnectAsync(node.GatewayPort, Token);
        await station.SendAsync(frame, Token);
        return await station.ReadReplyAsync(ReplyTimeout, Token) ?? throw new TimeoutException($"No reply from node on {node.GatewayPort}.\n{node.RecentOutput}");
    }

    private static async Task<JsonElement> ObservationsAsync(ServerNode node, string mn)
    {
        string json = await node.Client.GetStringAsync(new Uri($"/api/v1/stations/{mn}/observations?from=2020-06-01&to=2020-06-02", UriKind.Relative), Token);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static JsonElement Single(JsonElement array) => Assert.Single(array.EnumerateArray());

    private static async Task<JsonElement> WaitForAqiAsync(ServerNode node, string path)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            string json = await node.Client.GetStringAsync(new Uri(path, UriKind.Relative), Token);
            JsonElement rows = JsonDocument.Parse(json).RootElement.Clone();
            if (rows.GetArrayLength() > 0 && rows[0].GetProperty("aqi").ValueKind == JsonValueKind.Number
                && rows[0].GetProperty("pm25").GetDecimal() == 11m)
            {
                return rows;
            }

            await Task.Delay(200, Token);
        }

        throw new TimeoutException($"No evaluated hour at {path}.\n{node.RecentOutput}");
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }
}
