using System.Globalization;
using System.Text.Json;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The console's 数据审核 and 报警督办 pages against the real review and alarm APIs, signed in with the console cookie
/// (the write policy accepts it for the POSTs).
/// </summary>
[Trait("Area", "Portal")]
public sealed class ConsoleReviewAlarmTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Outlet = "OUT9201";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Three hours ago, on the hour, China Standard Time: inside the review queue's default window (the last 24 hours).
    private static string RecentHour()
    {
        DateTimeOffset cst = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddHours(-3);
        return new DateTimeOffset(cst.Year, cst.Month, cst.Day, cst.Hour, 0, 0, cst.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);
    }

    private async Task<IPage> SignedInConsoleAsync()
    {
        IPage page = await portal.SignedInConsoleAsync();
        await page.WaitForSelectorAsync("#status-table tbody tr");
        return page;
    }

    private async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> done, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            JsonElement json = await portal.Server.StaffJsonAsync(path, Ct);
            if (done(json))
            {
                return json;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not within 120 s; last answer {json}");
            }

            await Task.Delay(200, Ct);
        }
    }

    [Fact]
    public async Task Review_MarkingAQueuedValueInvalid_StoresTheDecisionAndTakesItOffTheQueue()
    {
        string mn = portal.DataStations[^1];
        string hour = RecentHour();
        // PM2.5 above PM10 by more than the tolerance: both values are suspect (cross.pm25-above-pm10) and queued.
        await portal.Server.ImportAsync($"{mn},a34004,hour,{hour},90\n{mn},a34002,hour,{hour},50\n", Ct);
        await WaitForAsync($"/api/v1/review/queue?station={mn}", q => q.GetArrayLength() == 2, "two queued values");

        IPage page = await SignedInConsoleAsync();
        await page.ClickAsync("#tab-review");
        await page.FillAsync("#rv-station", mn);
        await page.ClickAsync("#review-filter button[type=submit]");
        // The filtered queue, not the whole one the pane asked for when it opened (that answer may come later; the
        // pane stays aria-busy until its newest load is shown, and ticks made before would be lost).
        await page.WaitForSelectorAsync($"#review-queue:not([aria-busy]) #review-table tbody tr[data-station='{mn}'][data-parameter='a34004']");
        Assert.Equal(2, await page.Locator("#review-table tbody tr").CountAsync());

        await page.CheckAsync("#review-table tbody tr[data-parameter='a34004'] input[type=checkbox]");
        await page.SelectOptionAsync("#rv-verdict", "invalid");
        await page.SelectOptionAsync("#rv-reason", "external-event");
        await page.FillAsync("#rv-comment", "秸秆焚烧");
        await page.ClickAsync("#rv-submit");
        await page.WaitForSelectorAsync("#review-result.ok");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#review-table tbody tr').length === 1");

        Assert.Contains("已保存审核判定 #", await page.InnerTextAsync("#review-result"));
        Assert.Equal("a34002", await page.GetAttributeAsync("#review-table tbody tr", "data-parameter"));
        JsonElement queue = await portal.Server.StaffJsonAsync($"/api/v1/review/queue?station={mn}", Ct);
        Assert.Equal([$"{mn}/a34002"], queue.EnumerateArray().Select(f => f.GetProperty("parameter").GetString()));
        JsonElement reviewed = await portal.Server.StaffJsonAsync($"/api/v1/stations/{mn}/reviewed?parameters=a34004&from={Uri.EscapeDataString(hour)}", Ct);
        JsonElement value = reviewed.EnumerateArray().Single();
        Assert.False(value.GetProperty("valid").GetBoolean());
        Assert.Equal("review", value.GetProperty("decidedBy").GetString());
        await Browser.ScreenshotAsync(page, "console-review");
    }

    [Fact]
    public async Task Review_SubmittingWithNothingTicked_SaysSo()
    {
        IPage page = await SignedInConsoleAsync();
        await page.ClickAsync("#tab-review");
        await page.ClickAsync("#rv-submit");

        Assert.Equal("请先勾选数据", await page.InnerTextAsync("#review-result.error"));
    }

    [Fact]
    public async Task Alarm_RaisedByAValueOverThePermitLimit_IsShownWithEvidence_CanBeAcknowledged_AndAnIllegalActionShowsWhy()
    {
        await portal.Server.RegisterAsync(
            $$"""[{"mn":"{{Outlet}}","name":"测试电厂1号烟气排口","type":"flueGasOutlet","region":"220102","enterprise":"测试电厂","password":"123456"}]""", Ct);
        await portal.Server.PutJsonAsync($"/api/v1/stations/{Outlet}/permit-limits", """[{"parameter":"a21026","limit":35,"permitNumber":"91220102MA0000001P"}]""", Ct);
        string hour = RecentHour();
        await portal.Server.ImportAsync($"{Outlet},a21026,hour,{hour},80\n", Ct);
        JsonElement alarms = await WaitForAsync($"/api/v1/alarms?station={Outlet}",
            a => a.EnumerateArray().Any(x => x.GetProperty("ruleId").GetString() == "outlet-so2-permit"), "permit alarm");
        long id = alarms.EnumerateArray().First(x => x.GetProperty("ruleId").GetString() == "outlet-so2-permit").GetProperty("id").GetInt64();

        IPage page = await SignedInConsoleAsync();
        await page.ClickAsync("#tab-alarms");
        await page.WaitForSelectorAsync($"#alarm-table tr[data-alarm-row='{id}']");
        Assert.Equal("open", await page.GetAttributeAsync($"#alarm-table tr[data-alarm-row='{id}']", "data-state"));
        await page.ClickAsync($"button[data-alarm='{id}']");
        await page.WaitForSelectorAsync("#alarm-state[data-state='open']");
        Assert.Contains("35", await page.InnerTextAsync("#alarm-detail"));
        Assert.Contains("80", await page.InnerTextAsync("#evidence-values"));

        await page.FillAsync("#al-by", "值班员张三");
        await page.ClickAsync("#alarm-actions button[data-action='acknowledge']");
        await page.WaitForSelectorAsync("#alarm-state[data-state='acknowledged']");
        // States and severities by their Chinese names, in the list, the detail and the result line.
        Assert.Contains("当前状态 已确认", await page.InnerTextAsync("#alarm-result.ok"));
        Assert.StartsWith("状态: 已确认", await page.InnerTextAsync("#alarm-state"), StringComparison.Ordinal);
        Assert.Equal("已确认", await page.InnerTextAsync("#alarm-timeline tr[data-step='acknowledged'] td:nth-child(5)"));
        Assert.Contains("值班员张三", await page.InnerTextAsync("#alarm-timeline"));
        Assert.Equal("已确认", await page.InnerTextAsync("#alarm-timeline tr[data-step='acknowledged'] td:nth-child(4)"));

        await page.ClickAsync("#alarm-actions button[data-action='verify']");
        await page.WaitForSelectorAsync("#alarm-result.error");
        string refusal = await page.InnerTextAsync("#alarm-result");
        Assert.Contains("409", refusal);
        Assert.Contains($"alarm {id}", refusal);
        Assert.Equal("acknowledged", (await portal.Server.StaffJsonAsync($"/api/v1/alarms/{id}", Ct)).GetProperty("alarm").GetProperty("state").GetString());

        // A reviewer invalidates the value: the timeline names the review step in Chinese (and in English).
        string next = DateTimeOffset.Parse(hour, CultureInfo.InvariantCulture).AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);
        await portal.Server.PostJsonAsync("/api/v1/review/decisions",
            $$"""{"station":"{{Outlet}}","parameter":"a21026","from":"{{hour}}","to":"{{next}}","verdict":"invalid","reason":"calibration"}""", Ct);
        await WaitForAsync($"/api/v1/alarms/{id}/timeline", t => t.EnumerateArray().Any(s => s.GetProperty("action").GetString() == "invalidated"), "invalidated step");
        await page.ClickAsync($"button[data-alarm='{id}']");
        await page.WaitForSelectorAsync("#alarm-timeline tr[data-step='invalidated']");
        Assert.Equal("审核判定无效", await page.InnerTextAsync("#alarm-timeline tr[data-step='invalidated'] td:nth-child(4)"));
        Assert.Equal("报警产生", await page.InnerTextAsync("#alarm-timeline tr[data-step='raised'] td:nth-child(4)"));
        await page.GotoAsync("/console/?lang=en");
        await page.ClickAsync("#tab-alarms");
        await page.ClickAsync($"button[data-alarm='{id}']");
        await page.WaitForSelectorAsync("#alarm-timeline tr[data-step='invalidated']");
        Assert.Equal("Invalidated by review", await page.InnerTextAsync("#alarm-timeline tr[data-step='invalidated'] td:nth-child(4)"));
        await Browser.ScreenshotAsync(page, "console-alarm");
    }
}
