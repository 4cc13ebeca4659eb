namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The console's dust-day page in headless Chromium against the real server (docs/standards.md "Dust and sand"): a
/// manager opens it from the console's tab, marks a city's day with a note, sees it listed for its month, and removes
/// it after a confirmation.
/// </summary>
[Trait("Area", "Portal")]
[Trait("Area", "Reports")]
public sealed class ConsoleDustDaysTests(BareServer bare) : IClassFixture<BareServer>
{
    [Fact]
    public async Task Manager_MarksADustDay_SeesItListed_ThenRemovesIt()
    {
        IPage page = await (await bare.BrowserAsync()).NewPageAsync(bare.Server.BaseUrl);
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", PortalServer.ConsoleUser);
        await page.FillAsync("#password", PortalServer.ConsolePassword);
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));
        await page.Locator("#tab-dust").WaitForAsync();
        await Browser.NavigateByAsync(page, "**/console/dust.html", () => page.ClickAsync("#tab-dust"));
        await page.Locator("#mark-form").WaitForAsync();

        await page.FillAsync("#dust-city", "510100");
        await page.FillAsync("#dust-day", "2019-12-20");
        await page.FillAsync("#dust-note", "沙尘过境<b>!</b>");
        await page.ClickAsync("#mark");
        ILocator row = page.Locator("#dust-table tbody tr[data-dust='510100/2019-12-20']");
        await row.WaitForAsync();
        Assert.Equal("2019-12", await page.InputValueAsync("#dust-month"));
        // The note is text, never markup.
        Assert.Contains("沙尘过境<b>!</b>", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "console-dust-days");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.Locator("[data-action=unmark]").ClickAsync();
        await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(0, await page.Locator("#dust-table tbody tr").CountAsync());
    }
}
