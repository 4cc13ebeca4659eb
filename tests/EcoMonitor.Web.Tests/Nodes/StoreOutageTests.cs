using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace EcoMonitor.Web.Tests.Nodes;

/// <summary>
/// A node (its own process) on PostgreSQL whose database goes away for real (a proxy in front of the server resets every connection, as
/// a crashed server or a cut network does): reads and writes answer 503 with <c>Retry-After</c> and a problem body that
/// tells nothing of the cause, readiness says down while liveness stays up; when the database is back the same process
/// serves again.
/// </summary>
[Trait("Area", "Nodes")]
[Trait("Area", "Postgres")]
public sealed class StoreOutageTests
{
    private const string Read = "/api/v1/stations/1431A/observations?interval=hour&from=2019-12-18&to=2019-12-19";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DatabaseAway_ReadsWritesAndReadinessAnswer503_ThenRecoverWithoutRestart()
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        PostgresTestServer server = await PostgresTestServer.GetAsync();
        string database = await server.CreateDatabaseAsync(Token);
        try
        {
            var direct = new NpgsqlConnectionStringBuilder(database);
            await using var proxy = new SeveringProxy(direct.Port);
            string throughProxy = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5 }.ConnectionString;
            await using ServerNode node = await ServerNode.StartAsync(
                new Dictionary<string, string>
                {
                    ["Storage:Provider"] = "Postgres",
                    ["Storage:Postgres:ConnectionString"] = throughProxy,
                    // The notification dispatcher polls often, so that it meets the outage too.
                    ["Alarms:NotificationPollInterval"] = "00:00:00.200",
                },
                Token);
            HttpClient api = node.Client;

            // Ready once the work pending at its start is done (ADR 0035).
            using (await UntilAsync(() => api.GetAsync(new Uri("/health/ready", UriKind.Relative), Token), HttpStatusCode.OK))
            {
            }

            Assert.Equal(HttpStatusCode.OK, await StatusAsync(node, Read));

            proxy.Sever();

            using (HttpResponseMessage read = await UntilAsync(() => api.GetAsync(new Uri(Read, UriKind.Relative), Token), HttpStatusCode.ServiceUnavailable))
            {
                await AssertStoreUnavailableProblemAsync(read, proxy.Port, direct.Database!);
            }

            using (HttpResponseMessage write = await RegisterAsync(api, "OUTAGE00001"))
            {
                await AssertStoreUnavailableProblemAsync(write, proxy.Port, direct.Database!);
            }

            using (HttpResponseMessage ready = await UntilAsync(() => api.GetAsync(new Uri("/health/ready", UriKind.Relative), Token), HttpStatusCode.ServiceUnavailable))
            {
                Assert.True(ready.Headers.RetryAfter?.Delta > TimeSpan.Zero, "readiness 503 without Retry-After");
                Assert.Equal("down", await ready.Content.ReadAsStringAsync(Token));
            }

            Assert.Equal(HttpStatusCode.OK, await StatusAsync(node, "/health/live"));

            // A background component names itself: the dispatcher's failure is its own line, not the alarm worker's.
            Assert.True(await LoggedAsync(node, "notification dispatcher: the store is unavailable"), node.RecentOutput);

            proxy.Restore();

            using (HttpResponseMessage ready = await UntilAsync(() => api.GetAsync(new Uri("/health/ready", UriKind.Relative), Token), HttpStatusCode.OK))
            {
                Assert.Equal("up", await ready.Content.ReadAsStringAsync(Token));
            }

            using (HttpResponseMessage read = await UntilAsync(() => api.GetAsync(new Uri(Read, UriKind.Relative), Token), HttpStatusCode.OK))
            {
                Assert.Equal(JsonValueKind.Array, (await read.Content.ReadFromJsonAsync<JsonElement>(Token)).ValueKind);
            }

            using (HttpResponseMessage write = await UntilAsync(() => RegisterAsync(api, "OUTAGE00002"), HttpStatusCode.Created))
            {
                Assert.Equal(HttpStatusCode.Created, write.StatusCode);
            }

            // One warning line per refused request naming the component and path, not an unhandled-error stack.
            string output = node.RecentOutput;
            Assert.Contains("HTTP API: the store could not be reached on GET /api/v1/stations/1431A/observations", output, StringComparison.Ordinal);
            Assert.Contains("HTTP API: the store could not be reached on POST /api/v1/stations", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled error", output, StringComparison.Ordinal);
            // Readiness logs its change to not ready once, not every probe (the node logs from Warning up).
            Assert.Single(output.Split('\n'), line => line.Contains("Readiness: the store could not be reached", StringComparison.Ordinal));
            Assert.DoesNotContain("DefaultHealthCheckService", output, StringComparison.Ordinal);
            // The background components meet the outage as one warning each, without a stack, however often they retried
            // (the dispatcher polled every 200 ms).
            Assert.Single(output.Split('\n'), line => line.Contains("notification dispatcher: the store is unavailable", StringComparison.Ordinal));
            Assert.DoesNotContain("could not read or update the outbox", output, StringComparison.Ordinal);
            Assert.False(output.Contains("   at Npgsql", StringComparison.Ordinal), output);
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient api, string mn)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/stations", UriKind.Relative))
        {
            Content = new StringContent(
                $$"""{"mn":"{{mn}}","name":"断库测试排口","type":"wasteWaterOutlet","region":"130133","password":"000000"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminKey);
        return await api.SendAsync(request, Token);
    }

    private static async Task<bool> LoggedAsync(ServerNode node, string text)
    {
        DateTime deadline = DateTime.UtcNow + Deadline;
        while (!node.RecentOutput.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100, Token);
        }

        return true;
    }

    private static async Task<HttpStatusCode> StatusAsync(ServerNode node, string path)
    {
        using HttpResponseMessage response = await node.Client.GetAsync(new Uri(path, UriKind.Relative), Token);
        return response.StatusCode;
    }

    /// <summary>Sends until the answer has <paramref name="status"/> or the deadline passes; returns the last answer.</summary>
    private static async Task<HttpResponseMessage> UntilAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status)
    {
        DateTime deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            HttpResponseMessage response = await send();
            if (response.StatusCode == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, response.StatusCode);
                return response;
            }

            response.Dispose();
            await Task.Delay(100, Token);
        }
    }

    private static async Task AssertStoreUnavailableProblemAsync(HttpResponseMessage response, int port, string database)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync(Token);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("urn:ecomonitor:problem:store-unavailable", problem.RootElement.GetProperty("type").GetString());
        foreach (string secret in (string[])["Npgsql", "Exception", "exception", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), database])
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }
    }
}
