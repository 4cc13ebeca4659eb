using System.Net;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Health;

/// <summary>
/// Readiness means "the examples work" (docs/adr/0035): <c>/health/ready</c> answers <c>up</c> only once the start-up
/// imports' background work is done — the surface-water sample classed, the constructed demonstration outlet's
/// exceedances raised as alarms through import → one write path → alarm engine (samples/README.md) — and it stays up
/// when later imports queue more work.
/// </summary>
[Trait("Area", "Foundation")]
public sealed class StartupReadinessTests : IAsyncLifetime
{
    private const string Outlet = "DEMOFG0001";

    private readonly ApiFactory _api = ApiFactory.With(new Dictionary<string, string?>
    {
        ["Samples:ObservationsFile"] = RepoFiles.Path("samples/history/water-2026-02-04.csv"),
        ["Samples:PermitLimitsFile"] = RepoFiles.Path("samples/network/permit-limits.json"),
        ["Samples:DemonstrationFile"] = RepoFiles.Path("samples/history/demo-outlet-2019-12-18.csv"),
        ["Alarms:RulesFile"] = RepoFiles.Path("config/alarm-rules.json"),
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Ready_OnlyOnceTheSampleImportsAreClassedAndAlarmed_AndStaysUpWhenMoreWorkArrives()
    {
        IReadOnlyList<string> answers = await _api.WaitUntilReadyAsync();
        Assert.Equal("up", answers[^1]);
        Assert.All(answers.SkipLast(1), answer => Assert.Equal("starting", answer));

        // Asked once, at once: no waiting for a worker after ready.
        JsonElement sections = await _api.GetJsonAsync("/api/v1/water/sections?day=2026-02-04");
        Assert.Equal(20, sections.GetArrayLength());
        Assert.All(sections.EnumerateArray(), s => Assert.Equal(JsonValueKind.Number, s.GetProperty("latest").GetProperty("class").ValueKind));

        JsonElement open = await _api.StaffJsonAsync("/api/v1/alarms?open=true");
        JsonElement[] outlet = [.. open.EnumerateArray().Where(a => a.GetProperty("subject").GetString() == Outlet)];
        Assert.Equal(
            ["outlet-nox-permit", "outlet-so2-permit", "outlet-so2-permit-3h"],
            outlet.Select(a => a.GetProperty("ruleId").GetString()!).Order(StringComparer.Ordinal).ToArray());

        // SO2 above the permit's 35 mg/m³ from 10:00 to 14:00 (five hours, peak 47.9), back under it by 15:00.
        JsonElement threeHours = outlet.Single(a => a.GetProperty("ruleId").GetString() == "outlet-so2-permit-3h");
        Assert.Equal(("2019-12-18T10:00:00+08:00", "2019-12-18T14:00:00+08:00", 47.9m, 35m, false),
            (threeHours.GetProperty("firstPeriod").GetString(), threeHours.GetProperty("lastPeriod").GetString(), threeHours.GetProperty("peak").GetDecimal(),
             threeHours.GetProperty("limit").GetDecimal(), threeHours.GetProperty("isActive").GetBoolean()));
        JsonElement detail = await _api.StaffJsonAsync($"/api/v1/alarms/{threeHours.GetProperty("id").GetInt64()}");
        Assert.Contains("DEMO-0001", detail.GetProperty("evidence").ToString(), StringComparison.Ordinal);

        JsonElement byEnterprise = await _api.StaffJsonAsync("/api/v1/alarms/statistics?by=enterprise");
        JsonElement demo = byEnterprise.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString()!.StartsWith("演示电厂", StringComparison.Ordinal));
        Assert.Equal(3, demo.GetProperty("total").GetInt32());

        // Later work (an import of a day of air values) never takes readiness back.
        string rows = string.Concat(Enumerable.Range(0, 24).Select(h => $"1431A,a34004,hour,2019-12-20 {h:00}:00,{40 + h}\n"));
        using HttpResponseMessage import = await _api.ImportAsync("station,parameter,interval,period_start,value\n" + rows, "text/csv");
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync(Ct));
        using HttpResponseMessage ready = await _api.GetAsync("/health/ready");
        Assert.Equal((HttpStatusCode.OK, "up"), (ready.StatusCode, await ready.Content.ReadAsStringAsync(Ct)));
    }
}
