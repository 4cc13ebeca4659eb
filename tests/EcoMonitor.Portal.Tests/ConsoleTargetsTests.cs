namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The console's targets page in headless Chromium against the real server (docs/standards.md "Assessment targets"): a
/// manager opens it from the console's tab, is refused a section outside the city with the reason, sets a city's targets, sees
/// the progress as a chart and as a table and the targets listed, and removes them after a confirmation.
/// </summary>
[Trait("Area", "Portal")]
[Trait("Area", "Reports")]
public sealed class ConsoleTargetsTests(BareServer bare) : IClassFixture<BareServer>
{
    [Fact]
    public async Task Manager_SetsACitysTargets_SeesProgressChartAndTable_ThenRemovesThem()
    {
        IPage page = await (await bare.BrowserAsync()).NewPageAsync(bare.Server.BaseUrl);
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", PortalServer.ConsoleUser);
        await page.FillAsync("#password", PortalServer.ConsolePassword);
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));
        await page.Locator("#tab-targets").WaitForAsync();
        await Browser.NavigateByAsync(page, "**/console/targets.html", () => page.ClickAsync("#tab-targets"));
        await page.Locator("#targets-form").WaitForAsync();

        await page.FillAsync("#target-region", "510100");
        await page.FillAsync("#target-year", "2019");
        await page.ClickAsync("#show");
        await page.Locator("#no-progress").WaitForAsync();

        await page.FillAsync("#target-pm25", "40");
        await page.FillAsync("#target-sections", "SW9999=2");
        await page.ClickAsync("#save");
        await page.Locator("#action-result.error").WaitForAsync();
        Assert.Contains("no surface-water section SW9999 is registered in region 510100", await page.InnerTextAsync("#action-result"), StringComparison.Ordinal);
        await page.FillAsync("#target-sections", "");

        await page.FillAsync("#target-pm25", "40");
        await page.FillAsync("#target-good", "85.5");
        await page.FillAsync("#target-heavy", "3");
        await page.ClickAsync("#save");
        await page.Locator("#targets-table tbody tr[data-region='510100']").WaitForAsync();
        await page.Locator("#progress .chart canvas").WaitForAsync();
        await page.ClickAsync("#progress .toggle button[aria-pressed=false]");
        ILocator pm25 = page.Locator("#progress-table tbody tr[data-measure='pm25']");
        await pm25.WaitForAsync();
        Assert.Equal(3, await page.Locator("#progress-table tbody tr").CountAsync());
        Assert.Contains("40", await pm25.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("85.5", await page.InnerTextAsync("#targets-table"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "console-targets");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.ClickAsync("#remove");
        await page.Locator("#no-progress").WaitForAsync();
        await page.Locator("#targets-table tbody tr[data-region='510100']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }
}
