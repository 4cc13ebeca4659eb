using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Web.Tests.Health;

/// <summary>
/// The balancer's probes on the embedded store (Health/HealthHostingExtensions): anonymous, one word, never cached,
/// rate-limited like the API and absent from the OpenAPI document; a SQLite write lock held by another process past
/// the busy timeout makes writes answer 503 with <c>Retry-After</c> (reads, and so readiness, go on), and writes
/// recover when the lock goes.
/// </summary>
[Trait("Area", "Spine")]
public sealed class HealthEndpointTests
{
    private const int Burst = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Probes_AnswerOneWordUncached_AndAreNotDocumented()
    {
        using var api = new ApiFactory();
        Assert.Equal("up", (await api.WaitUntilReadyAsync())[^1]);

        foreach (string path in (string[])["/health/ready", "/health/live"])
        {
            using HttpResponseMessage response = await api.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("up", await response.Content.ReadAsStringAsync(Ct));
            Assert.True(response.Headers.CacheControl?.NoCache == true || response.Headers.CacheControl?.NoStore == true, $"{path}: Cache-Control {response.Headers.CacheControl}");
        }

        string openApi = await api.GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain("/health", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probes_AreRateLimitedLikeTheApi()
    {
        using var api = ApiFactory.With(new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousBurst"] = Burst.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:AnonymousPerSecond"] = "1",
        });

        HttpStatusCode[] statuses = await Task.WhenAll(Enumerable.Range(0, Burst * 3).Select(_ => StatusAsync(api, "/health/ready")));

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task SqliteWriteLockHeldPastBusyTimeout_WritesAnswer503WhileReadinessStaysReady_ThenWritesRecover()
    {
        using var api = ApiFactory.With(new Dictionary<string, string?> { ["Storage:Sqlite:BusyTimeoutSeconds"] = "1" });
        Assert.Equal("up", (await api.WaitUntilReadyAsync())[^1]);

        // Another process holding the write lock (WAL: readers still read the last commit, so the node stays ready).
        using (var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = api.DatabasePath, Pooling = false }.ToString()))
        {
            await holder.OpenAsync(Ct);
            using SqliteCommand command = holder.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 10000; BEGIN IMMEDIATE;";
            await command.ExecuteNonQueryAsync(Ct);

            using HttpResponseMessage write = await api.RegisterStationAsync(Station("LOCKED00001"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.True(write.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
            JsonElement problem = await ProblemAssert.IsAsync(write, HttpStatusCode.ServiceUnavailable, "store-unavailable");
            Assert.DoesNotContain("lock", problem.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(api, "/health/ready"));
        }

        using HttpResponseMessage again = await api.RegisterStationAsync(Station("LOCKED00002"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    private static string Station(string mn) =>
        $$"""{"mn":"{{mn}}","name":"锁库测试排口","type":"wasteWaterOutlet","region":"130133","password":"000000"}""";

    private static async Task<HttpStatusCode> StatusAsync(ApiFactory api, string path)
    {
        using HttpResponseMessage response = await api.GetAsync(path);
        return response.StatusCode;
    }
}
