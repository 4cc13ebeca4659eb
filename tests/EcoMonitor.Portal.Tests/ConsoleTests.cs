namespace EcoMonitor.Portal.Tests;

/// <summary>The staff console's sign-in and pages in headless Chromium.</summary>
[Trait("Area", "Portal")]
public sealed class ConsoleTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Console_WithoutSignIn_RedirectsToTheLoginPage()
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);
        await page.GotoAsync("/console/");

        Assert.Contains("/console/login.html", page.Url, StringComparison.Ordinal);
        using HttpResponseMessage api = await portal.Server.Client.GetAsync(new Uri("/api/v1/console/stations/status", UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_IsRejectedWithAClearMessage_RightPasswordOpensTheConsole()
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", PortalServer.ConsoleUser);
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#login");
        await page.WaitForSelectorAsync("#message.error");

        Assert.Contains("用户名或密码错误", await page.InnerTextAsync("#message"));
        Assert.Contains("/console/login.html", page.Url, StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "console-login-refused");

        await page.FillAsync("#password", PortalServer.ConsolePassword);
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));
        await page.WaitForSelectorAsync("#status-table tbody tr");

        Assert.Equal(await StationCountAsync(), await page.Locator("#status-table tbody tr").CountAsync());
        await Browser.ScreenshotAsync(page, "console-status");
    }

    [Fact]
    public async Task Registry_AddingAStationInTheConsole_RegistersIt()
    {
        IPage page = await portal.SignedInConsoleAsync();
        await page.ClickAsync("#tab-registry");
        await page.FillAsync("#st-mn", "PT0001A");
        await page.FillAsync("#st-name", "测试站");
        await page.SelectOptionAsync("#st-type", "airQuality");
        await page.FillAsync("#st-region", "510104");
        await page.FillAsync("#st-lon", "104.08");
        await page.FillAsync("#st-lat", "30.65");
        await page.FillAsync("#st-password", "123456");
        await page.ClickAsync("#st-save");
        await page.WaitForSelectorAsync("#st-message.ok");

        System.Text.Json.JsonElement station = await portal.Server.GetJsonAsync("/api/v1/stations/PT0001A", Ct);
        Assert.Equal("测试站", station.GetProperty("name").GetString());
        await Browser.ScreenshotAsync(page, "console-registry");
    }

    [Fact]
    public async Task Registry_ARefusedStation_ShowsEachRefusedFieldAndWhy()
    {
        IPage page = await portal.SignedInConsoleAsync();
        await page.ClickAsync("#tab-registry");
        await page.FillAsync("#st-mn", "PT0002A");
        await page.FillAsync("#st-name", "测试站");
        await page.SelectOptionAsync("#st-type", "airQuality");
        await page.FillAsync("#st-region", "999999");
        await page.FillAsync("#st-password", "123456");
        await page.ClickAsync("#st-save");
        await page.WaitForSelectorAsync("#st-message.error");

        // The refusal is a problem whose errors name the field ({"$.region": [...]}, docs/api-errors.md).
        string message = await page.InnerTextAsync("#st-message");
        Assert.StartsWith("400 region ", message, StringComparison.Ordinal);
        Assert.Contains("999999", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_EditingAnOutlet_KeepsWhatTheFormDoesNotShow_AndNamesItsTypeInWords()
    {
        await portal.Server.PostJsonAsync("/api/v1/stations", """
            {"mn":"PT0003A","name":"某电厂1号排口","type":"flueGasOutlet","region":"510104","enterprise":"某电厂","password":"123456","encoding":"gbk","controlLevel":"provincial"}
            """, Ct);
        IPage page = await portal.SignedInConsoleAsync();
        await page.ClickAsync("#tab-registry");
        ILocator row = page.Locator("#registry-table tbody tr").Filter(new LocatorFilterOptions { HasText = "PT0003A" });
        await row.WaitForAsync();
        Assert.Contains("废气排口", await row.InnerTextAsync(), StringComparison.Ordinal);

        await row.Locator("button").ClickAsync();
        Assert.Equal("flueGasOutlet", await page.InputValueAsync("#st-type"));
        Assert.Equal("某电厂", await page.InputValueAsync("#st-enterprise"));
        await page.FillAsync("#st-name", "某电厂1号排口（改）");
        await page.FillAsync("#st-password", "654321");
        await page.ClickAsync("#st-save");
        await page.WaitForSelectorAsync("#st-message.ok");

        System.Text.Json.JsonElement station = await portal.Server.GetJsonAsync("/api/v1/stations/PT0003A", Ct);
        Assert.Equal(("某电厂1号排口（改）", "某电厂", "gbk", "provincial"), (
            station.GetProperty("name").GetString(), station.GetProperty("enterprise").GetString(),
            station.GetProperty("encoding").GetString(), station.GetProperty("controlLevel").GetString()));
    }

    [Fact]
    [Trait("Area", "Reports")]
    public async Task Registry_Networks_AreShownTickedAndSaved()
    {
        await portal.Server.PostJsonAsync("/api/v1/stations", """
            {"mn":"PT0004A","name":"某微站","type":"airQuality","region":"510104","password":"123456","controlLevel":"provincial"}
            """, Ct);
        IPage page = await portal.SignedInConsoleAsync();
        await page.ClickAsync("#tab-registry");
        ILocator row = page.Locator("#registry-table tbody tr").Filter(new LocatorFilterOptions { HasText = "PT0004A" });
        await row.WaitForAsync();
        Assert.Contains("省控", await row.InnerTextAsync(), StringComparison.Ordinal);

        await row.Locator("button").ClickAsync();
        Assert.True(await page.IsCheckedAsync("#st-networks input[value=provincial]"));
        Assert.False(await page.IsCheckedAsync("#st-networks input[value=sensor]"));
        await page.UncheckAsync("#st-networks input[value=provincial]");
        await page.CheckAsync("#st-networks input[value=sensor]");
        await page.FillAsync("#st-password", "123456");
        await page.ClickAsync("#st-save");
        await page.WaitForSelectorAsync("#st-message.ok");

        System.Text.Json.JsonElement station = await portal.Server.GetJsonAsync("/api/v1/stations/PT0004A", Ct);
        Assert.Equal(["sensor"], station.GetProperty("networks").EnumerateArray().Select(n => n.GetString()));
    }

    private async Task<int> StationCountAsync() =>
        (await portal.Server.GetJsonAsync("/api/v1/stations", Ct)).GetArrayLength();
}
