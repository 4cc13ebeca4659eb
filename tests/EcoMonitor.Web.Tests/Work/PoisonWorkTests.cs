using System.Net;
using System.Text.Json;
using EcoMonitor.Application.Storage;
using EcoMonitor.Cli;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Web.Tests.Work;

/// <summary>
/// One station-day whose work throws on its own is set aside with its error — visible in the API — while the rest goes
/// on (docs/adr/0027), and a failing store is never set aside: its work waits and is done once the store is back.
/// </summary>
[Trait("Area", "Security")]
public sealed class PoisonWorkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <remarks>
    /// The impossible value is the year-9999 frame of the issue (DataTime <c>99991231230000</c>: PM2.5 at 9999-12-31
    /// 23:00 CST). The door now refuses such a DataTime, so the test stores it as a value already in the store would be:
    /// through the store API (as <c>ecomon import</c> or an older version left it). Every worker's work on that day
    /// throws (its end, 10000-01-01, is beyond the calendar); the real values arrive over the HTTP import beside it.
    /// </remarks>
    [Fact]
    public async Task AnImpossibleValueBesideRealOnes_IsSetAsideWithItsError_WhileTheRealOnesAreCheckedAndEvaluated()
    {
        await using WorkHost host = await WorkHost.CreateAsync("Sqlite");
        await host.StoreDirectlyAsync(WorkHost.Pm25At(Instant.FromUtc(9999, 12, 31, 15, 0), 35m));
        host.Start();

        using (HttpResponseMessage imported = await host.Api.ImportAsync(WorkHost.DayOfPm25Csv(), "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        // The real values: checked (the PM2.5 of -50 has its finding), evaluated (the day's AQI) and alarmed on.
        JsonElement[] findings = await host.FindingsAsync(f => WorkHost.HasFinding(f, "value.negative", "2026-03-02T05:00:00+08:00"));
        Assert.True(WorkHost.HasFinding(findings, "value.negative", "2026-03-02T05:00:00+08:00"), "the -50 at 05:00 has no value.negative finding");
        JsonElement day = await host.WaitForAsync($"/api/v1/stations/{WorkHost.Mn}/aqi?interval=day&from=2026-03-02&to=2026-03-03", d => d.GetArrayLength() == 1);
        Assert.Equal(49m, Assert.Single(day.EnumerateArray()).GetProperty("pm25").GetDecimal());
        Assert.Single((await host.WaitForAsync($"/api/v1/alarms?station={WorkHost.Mn}", a => a.GetArrayLength() > 0)).EnumerateArray());

        // The impossible one: set aside by each worker after its three attempts, with the error, visible to staff.
        JsonElement setAside = await host.WaitForAsync("/api/v1/work/set-aside", s => s.GetArrayLength() == 3);
        Assert.Equal(["alarms", "evaluation", "quality"], setAside.EnumerateArray().Select(w => w.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        foreach (JsonElement work in setAside.EnumerateArray())
        {
            Assert.Equal((WorkHost.Mn, "hour", "9999-12-31", 3), (work.GetProperty("station").GetString(), work.GetProperty("interval").GetString(), work.GetProperty("day").GetString(), work.GetProperty("attempts").GetInt32()));
            Assert.StartsWith("System.OverflowException: Date computation would overflow", work.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", work.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        JsonElement stats = await host.GetJsonAsync("/api/v1/ingest/stats");
        Assert.Equal(3, stats.GetProperty("work").GetProperty("setAside").GetInt64());
        Assert.Equal(1, stats.GetProperty("work").GetProperty("setAsideByKind").GetProperty("quality").GetInt64());
    }

    [Fact]
    public async Task SetAsideWork_IsForStaffOnly_AndARetryIsAudited_AndSetsItAsideAgainWhileItStillFails()
    {
        await using WorkHost host = await WorkHost.CreateAsync("Sqlite");
        await host.StoreDirectlyAsync(WorkHost.Pm25At(Instant.FromUtc(9999, 12, 31, 15, 0), 35m));
        host.Start();
        JsonElement first = Assert.Single((await host.WaitForAsync("/api/v1/work/set-aside", s => s.EnumerateArray().Any(w => w.GetProperty("kind").GetString() == "quality")))
            .EnumerateArray(), w => w.GetProperty("kind").GetString() == "quality");
        long id = first.GetProperty("id").GetInt64();

        using (HttpResponseMessage anonymous = await host.Api.GetAsync("/api/v1/work/set-aside"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (HttpResponseMessage anonymousRetry = await host.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/work/set-aside/{id}/retry", "{}", key: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymousRetry.StatusCode);
        }

        using (HttpResponseMessage unknown = await host.Api.SendJsonAsync(HttpMethod.Post, "/api/v1/work/set-aside/999999/retry", "{}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (HttpResponseMessage retried = await host.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/work/set-aside/{id}/retry", "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            Assert.Equal(id, (await ApiFactory.ReadJsonAsync(retried)).GetProperty("id").GetInt64());
        }

        JsonElement audit = await host.GetJsonAsync($"/api/v1/audit?subjectType=work&subjectId={id}");
        JsonElement entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal(("work.retried", "bootstrap-admin"), (entry.GetProperty("action").GetString(), entry.GetProperty("actor").GetString()));
        Assert.Equal(("quality", "9999-12-31", 3), (entry.GetProperty("before").GetProperty("kind").GetString(), entry.GetProperty("before").GetProperty("day").GetString(), entry.GetProperty("before").GetProperty("attempts").GetInt32()));

        // The value is still impossible: worked on again, it fails three more times and is set aside anew.
        JsonElement again = await host.WaitForAsync("/api/v1/work/set-aside",
            s => s.EnumerateArray().Any(w => w.GetProperty("kind").GetString() == "quality" && w.GetProperty("id").GetInt64() != id));
        Assert.Equal(3, Assert.Single(again.EnumerateArray(), w => w.GetProperty("kind").GetString() == "quality").GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task AStoreThatFails_IsNotSetAside_AndItsWorkIsDoneWhenTheStoreIsBack()
    {
        await using WorkHost host = await WorkHost.CreateAsync("Sqlite", new Dictionary<string, string?> { ["Storage:Sqlite:BusyTimeoutSeconds"] = "1" });
        host.Start();
        using CliStore store = await CliStore.OpenAsync(host.Database, Ct);
        IClusterLock locks = store.Get<IClusterLock>();
        // The workers wait (as for another node's passes) while the values are committed; then the database stops taking writes.
        List<IAsyncDisposable> held = [];
        foreach (string name in new[] { "evaluation.recompute", "quality.check", "alarms.engine" })
        {
            held.Add(await locks.AcquireAsync(name, Ct));
        }

        using (HttpResponseMessage imported = await host.Api.ImportAsync(WorkHost.DayOfPm25Csv(), "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        await using var blocker = new SqliteConnection($"Data Source={host.Database}");
        await blocker.OpenAsync(Ct);
        await using (SqliteTransaction unavailable = blocker.BeginTransaction(deferred: false))
        {
            foreach (IAsyncDisposable hold in held)
            {
                await hold.DisposeAsync();
            }

            // Every write of every worker fails ("database is locked") for several back-offs: nothing is counted against the day.
            await Task.Delay(TimeSpan.FromSeconds(6), Ct);
            Assert.Empty((await host.GetJsonAsync("/api/v1/work/set-aside")).EnumerateArray());
            Assert.Empty((await host.GetJsonAsync($"/api/v1/stations/{WorkHost.Mn}/quality?from=2026-03-02&to=2026-03-03")).GetProperty("findings").EnumerateArray());
            await unavailable.RollbackAsync(Ct);
        }

        JsonElement[] findings = await host.FindingsAsync(f => WorkHost.HasFinding(f, "value.negative", "2026-03-02T05:00:00+08:00"));
        Assert.True(WorkHost.HasFinding(findings, "value.negative", "2026-03-02T05:00:00+08:00"), "the -50 at 05:00 has no value.negative finding");
        JsonElement day = await host.WaitForAsync($"/api/v1/stations/{WorkHost.Mn}/aqi?interval=day&from=2026-03-02&to=2026-03-03", d => d.GetArrayLength() == 1);
        Assert.Equal(49m, Assert.Single(day.EnumerateArray()).GetProperty("pm25").GetDecimal());
        Assert.Single((await host.WaitForAsync($"/api/v1/alarms?station={WorkHost.Mn}", a => a.GetArrayLength() > 0)).EnumerateArray());
        Assert.Empty((await host.GetJsonAsync("/api/v1/work/set-aside")).EnumerateArray());
        Assert.Equal(0, (await host.GetJsonAsync("/api/v1/ingest/stats")).GetProperty("work").GetProperty("setAside").GetInt64());
    }
}
