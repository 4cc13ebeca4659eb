using System.Text.Json;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// Data written by an attacker (<see cref="HostileDataFixture"/>: HTML that runs script as a station name, an
/// enterprise name and an alarm comment) on every page that shows it, in headless Chromium: shown as the literal text,
/// and no script runs — first with the browser told to ignore the Content-Security-Policy, so that the pages' own
/// escaping is what is tested; then with the policy, every portal and console page (and the API reference) carries it
/// and the browser reports no violation of it.
/// </summary>
[Trait("Area", "Security")]
public sealed class HostileDataTests(HostileDataFixture hostile) : IClassFixture<HostileDataFixture>
{
    private static readonly string[] Payloads =
        [HostileDataFixture.AirName, HostileDataFixture.WaterName, HostileDataFixture.OutletName, HostileDataFixture.EnterpriseName, HostileDataFixture.Comment];

    [Fact]
    public async Task Map_StationNameInTheTooltipAndTheTable_IsText()
    {
        IPage page = await hostile.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-stations-drawn]");
        JsonElement pixel = await page.EvaluateAsync<JsonElement>($"window.EcoMonitorMap.pixelOf('{HostileDataFixture.AirStation}')");
        await page.Mouse.MoveAsync(pixel.GetProperty("x").GetSingle(), pixel.GetProperty("y").GetSingle());
        ILocator tip = page.Locator(".map-tip").Filter(new LocatorFilterOptions { HasText = HostileDataFixture.AirStation });
        await tip.WaitForAsync();

        Assert.StartsWith(HostileDataFixture.AirName + " (" + HostileDataFixture.AirStation + ")", await tip.InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "xss-map-tooltip");
        await page.ClickAsync("#map-block .toggle button:nth-child(2)");
        Assert.Contains(HostileDataFixture.AirName, await page.InnerTextAsync("#station-table"), StringComparison.Ordinal);
        await AssertInertAsync(page);
    }

    [Fact]
    public async Task StationPage_TitleAndHeading_AreText()
    {
        IPage page = await hostile.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/station.html?mn=" + HostileDataFixture.AirStation);
        await page.WaitForSelectorAsync("#current-aqi .big-aqi");
        await HoverChartAsync(page, "#hourly-block .chart");

        Assert.Equal(HostileDataFixture.AirName, await page.InnerTextAsync("#station-name"));
        Assert.StartsWith(HostileDataFixture.AirName, await page.TitleAsync(), StringComparison.Ordinal);
        await AssertInertAsync(page);
    }

    [Fact]
    public async Task WaterPage_SectionName_IsText()
    {
        IPage page = await hostile.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/water.html");
        ILocator row = page.Locator($"#sections tr[data-mn='{HostileDataFixture.WaterSection}']");
        await row.WaitForAsync();

        Assert.Equal(HostileDataFixture.WaterName, await row.Locator("td").First.InnerTextAsync());
        await AssertInertAsync(page);
    }

    [Fact]
    public async Task DownloadsPage_StationChoice_IsText()
    {
        IPage page = await hostile.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/downloads.html");
        await page.WaitForSelectorAsync("#region option[value='2201']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#region", "2201");
        string option = $"#station option[value='{HostileDataFixture.AirStation}']";
        await page.WaitForSelectorAsync(option, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        Assert.Equal(HostileDataFixture.AirName + " (" + HostileDataFixture.AirStation + ")", await page.Locator(option).TextContentAsync());
        await AssertInertAsync(page);
    }

    [Fact]
    public async Task Console_StatusRegistryAndFrames_ShowNamesAndEnterpriseAsText()
    {
        IPage page = await hostile.SignedInConsoleAsync(bypassCsp: true);

        Assert.Contains(HostileDataFixture.AirName, await page.InnerTextAsync("#status-table"), StringComparison.Ordinal);
        await page.ClickAsync("#tab-registry");
        ILocator outlet = page.Locator("#registry-table tbody tr").Filter(new LocatorFilterOptions { HasText = HostileDataFixture.Outlet });
        await outlet.WaitForAsync();
        string row = await outlet.InnerTextAsync();
        Assert.Contains(HostileDataFixture.OutletName, row, StringComparison.Ordinal);
        Assert.Contains(HostileDataFixture.EnterpriseName, row, StringComparison.Ordinal);
        await page.ClickAsync("#tab-frames");
        string option = $"#frame-station option[value='{HostileDataFixture.WaterSection}']";
        await page.WaitForSelectorAsync(option, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        Assert.Equal(HostileDataFixture.WaterSection + " " + HostileDataFixture.WaterName, await page.Locator(option).TextContentAsync());
        await AssertInertAsync(page);
    }

    [Fact]
    public async Task Console_Alarm_SubjectEnterpriseAndComment_AreText()
    {
        IPage page = await hostile.SignedInConsoleAsync(bypassCsp: true);
        await page.ClickAsync("#tab-alarms");
        string row = $"#alarm-table tr[data-alarm-row='{hostile.AlarmId}']";
        await page.WaitForSelectorAsync(row);
        Assert.Contains(HostileDataFixture.OutletName, await page.InnerTextAsync(row), StringComparison.Ordinal);

        await page.ClickAsync($"button[data-alarm='{hostile.AlarmId}']");
        await page.WaitForSelectorAsync("#alarm-timeline tr[data-step='acknowledged']");

        Assert.Contains(HostileDataFixture.OutletName, await page.InnerTextAsync("#alarm-title"), StringComparison.Ordinal);
        Assert.Contains(HostileDataFixture.EnterpriseName, await page.InnerTextAsync("#alarm-enterprise"), StringComparison.Ordinal);
        Assert.Contains(HostileDataFixture.Comment, await page.InnerTextAsync("#alarm-timeline tr[data-step='acknowledged']"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "xss-console-alarm");
        await AssertInertAsync(page);
    }

    /// <summary>No payload ran and none became an element: the flag is unset, no element of the payloads is in the page.</summary>
    private static async Task AssertInertAsync(IPage page)
    {
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('img[src=\"x\"], svg[onload], script:not([src])').length"));
        string html = await page.ContentAsync();
        Assert.All(Payloads, p => Assert.DoesNotContain(p, html, StringComparison.Ordinal));
    }

    /// <summary>Moves the mouse over the middle of a chart, so that its axis tooltip is drawn.</summary>
    private static async Task HoverChartAsync(IPage page, string selector)
    {
        LocatorBoundingBoxResult box = (await page.Locator(selector).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }
}
