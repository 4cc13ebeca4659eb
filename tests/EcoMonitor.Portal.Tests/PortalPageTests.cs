using System.Text.Json;

namespace EcoMonitor.Portal.Tests;

/// <summary>The public portal in headless Chromium against the real server.</summary>
[Trait("Area", "Portal")]
public sealed partial class PortalPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    // Any Chinese character: English pages show none (station names excepted: they are proper names as registered).
    private const string Cjk = @"\p{IsCJKUnifiedIdeographs}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Map_DrawsEveryPlacedAirStation_AndClickingOneOpensItsPage()
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-stations-drawn]");

        Assert.Equal(portal.PlacedAirStations.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetAttributeAsync("body", "data-stations-drawn"));
        Assert.True(portal.PlacedAirStations > 150, "the sample network has 199 air stations");
        Assert.Contains("2019-12-20 23:00", await page.InnerTextAsync("#data-hour"));
        await page.Locator("#city-table tbody tr").First.WaitForAsync();
        await Browser.ScreenshotAsync(page, "map");

        string mn = portal.DataStations[5];
        JsonElement pixel = await page.EvaluateAsync<JsonElement>($"window.EcoMonitorMap.pixelOf('{mn}')");
        // One click: the page says "drawn" only when the chart takes clicks (map.js).
        await Browser.NavigateByAsync(page, "**/station.html?mn=*", () => page.Mouse.ClickAsync(pixel.GetProperty("x").GetSingle(), pixel.GetProperty("y").GetSingle()));

        Assert.Contains("station.html?mn=", page.Url, StringComparison.Ordinal);
        string opened = new Uri(page.Url).Query;
        await page.WaitForSelectorAsync("#current-aqi .big-aqi");

        JsonElement station = await portal.Server.GetJsonAsync("/api/v1/stations/" + opened[4..], Ct);
        Assert.Equal(station.GetProperty("name").GetString(), await page.InnerTextAsync("#station-name"));
        Assert.NotEmpty(await page.InnerTextAsync("#advice"));
        await Browser.ScreenshotAsync(page, "station");
    }

    [Fact]
    public async Task StationPage_ShowsAqiLevelAdviceAndChartsOfferedAsTables()
    {
        string mn = portal.DataStations[3];
        JsonElement hours = await portal.Server.GetJsonAsync($"/api/v1/stations/{mn}/aqi?from=2019-12-20&to=2019-12-21", Ct);
        JsonElement last = hours.EnumerateArray().Last();
        JsonElement level = (await portal.Server.GetJsonAsync("/api/v1/aqi/levels", Ct))[last.GetProperty("level").GetInt32() - 1];
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);

        await page.GotoAsync("/station.html?mn=" + mn);
        await page.WaitForSelectorAsync("#current-aqi .big-aqi");

        Assert.Equal(last.GetProperty("aqi").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("#current-aqi .big-aqi"));
        Assert.Contains(level.GetProperty("advice").GetString()!, await page.InnerTextAsync("#advice"));
        string colour = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#current-aqi .big-aqi')).backgroundColor");
        Assert.Equal(Rgb(level.GetProperty("colour").GetString()!), colour);

        await page.ClickAsync("#hourly-block .toggle button:nth-child(2)");
        Assert.Equal(24, await page.Locator("#hourly-block table tbody tr").CountAsync());
        await page.ClickAsync("#hourly-block th:nth-child(2)");
        await page.ClickAsync("#hourly-block th:nth-child(2)");
        Assert.Equal("descending", await page.GetAttributeAsync("#hourly-block th:nth-child(2)", "aria-sort"));
    }

    [Fact]
    public async Task LanguageSwitch_ShowsEnglish_AndBackToChinese()
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);
        await page.GotoAsync("/");
        Assert.Equal("实时空气质量地图", await page.InnerTextAsync("h1"));

        await page.ClickAsync("#lang-switch");
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        await page.WaitForSelectorAsync("body[data-stations-drawn]");

        Assert.Equal("Real-time air quality map", await page.InnerTextAsync("h1"));
        Assert.Contains("China Standard Time", await page.InnerTextAsync("main"));
        await Browser.ScreenshotAsync(page, "map-en");
        await page.ClickAsync("#lang-switch");
        // The reloaded page's static <html lang="zh-CN"> matches before its scripts have filled the heading: wait
        // for the map as above (map.js writes the heading first).
        await page.WaitForFunctionAsync("document.documentElement.lang === 'zh-CN'");
        await page.WaitForSelectorAsync("body[data-stations-drawn]");
        Assert.Equal("实时空气质量地图", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task EnglishMode_StationAdviceAndCityNames_AreInEnglish()
    {
        string mn = portal.DataStations[3];
        JsonElement hours = await portal.Server.GetJsonAsync($"/api/v1/stations/{mn}/aqi?from=2019-12-20&to=2019-12-21", Ct);
        JsonElement level = (await portal.Server.GetJsonAsync("/api/v1/aqi/levels", Ct))[hours.EnumerateArray().Last().GetProperty("level").GetInt32() - 1];
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);

        await page.GotoAsync("/station.html?lang=en&mn=" + mn);
        await page.WaitForSelectorAsync("#current-aqi .big-aqi");

        Assert.Equal(level.GetProperty("english").GetProperty("advice").GetString(), await page.InnerTextAsync("#advice"));
        Assert.Equal(level.GetProperty("english").GetProperty("healthEffect").GetString(), await page.InnerTextAsync("#health"));
        Assert.Contains("Translation", await page.InnerTextAsync("#advice-note"), StringComparison.Ordinal);
        Assert.Contains(level.GetProperty("english").GetProperty("category").GetString()!, await page.InnerTextAsync("#current-aqi"));
        // The station's own name stays as registered; its city is in English (e.g. "1119A · Changchun").
        string meta = await page.InnerTextAsync("#station-meta");
        Assert.StartsWith(mn + " · ", meta, StringComparison.Ordinal);
        Assert.Matches(@"^[A-Z][a-z' ]+", meta[(mn.Length + 3)..]);
        Assert.DoesNotMatch(Cjk, await page.InnerTextAsync("#levels"));
        await Browser.ScreenshotAsync(page, "station-en");

        await page.GotoAsync("/?lang=en");
        await page.Locator("#city-table tbody tr").First.WaitForAsync();
        string[] cities = [.. await page.Locator("#city-table tbody td:nth-child(2)").AllInnerTextsAsync()];
        string[] categories = [.. await page.Locator("#city-table tbody td:nth-child(4)").AllInnerTextsAsync()];
        Assert.NotEmpty(cities);
        Assert.All(cities, c => Assert.DoesNotMatch(Cjk, c));
        Assert.All(categories, c => Assert.DoesNotMatch(Cjk, c));
        Assert.DoesNotMatch(Cjk, await page.InnerTextAsync("#legend"));
    }

    [Fact]
    public async Task Downloads_CsvOfOneStationAndDay_HasOneRowPerHour()
    {
        string mn = portal.DataStations[0];
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);
        await page.GotoAsync("/downloads.html");
        await page.WaitForSelectorAsync($"#station option[value='{mn}']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#station", mn);
        await page.FillAsync("#from", "2019-12-20");
        await page.FillAsync("#to", "2019-12-21");

        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        string path = Path.Combine(portal.Server.TempDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(path);

        byte[] bytes = await File.ReadAllBytesAsync(path, Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        string[] lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(25, lines.Length);
        Assert.StartsWith("站点编码", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.StartsWith(mn + ",", l, StringComparison.Ordinal));
        Assert.Contains(",2019-12-20T00:00:00+08:00,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2019-12-20T23:00:00+08:00,", lines[24], StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "downloads");

        // The surface-water data set lists the sections and points at the water CSV.
        await page.SelectOptionAsync("#dataset", "water");
        await page.WaitForSelectorAsync($"#station option[value='{PortalFixture.WaterSection}']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#station", PortalFixture.WaterSection);
        Assert.Equal(0, await page.Locator($"#station option[value='{mn}']").CountAsync());
        Assert.StartsWith($"/api/v1/downloads/water-daily.csv?station={PortalFixture.WaterSection}&", await page.InnerTextAsync("#download-url"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Area", "Reports")]
    public async Task RankingsPage_ByGoodDays_ChartAndTableDescendWithTheValueRankedBy()
    {
        // Six more cities, each from one national station on 1 and 2 December 2019: PM2.5 20 µg/m³ is a good day, 120 is
        // not (HJ 633-2012), so their good-day ratios are 0, 50 and 100 % (the fixture's own data cover three cities).
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] cities = [.. (await portal.Server.GetJsonAsync("/api/v1/stations", ct)).EnumerateArray()
            .Where(s => s.GetProperty("type").GetString() == "airQuality" && s.GetProperty("networks").EnumerateArray().Any(n => n.GetString() == "national"))
            .Select(s => (Mn: s.GetProperty("mn").GetString()!, City: s.GetProperty("region").GetString()![..4] + "00"))
            .Where(s => s.City is not ("220100" or "500100" or "522600"))
            .GroupBy(s => s.City).OrderBy(g => g.Key, StringComparer.Ordinal).Take(6).Select(g => g.Min(s => s.Mn)!)];
        var csv = new System.Text.StringBuilder();
        for (int i = 0; i < cities.Length; i++)
        {
            for (int hour = 0; hour < 24; hour++)
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{cities[i]},a34004,hour,2019-12-01T{hour:D2}:00:00+08:00,{(i % 3 == 0 ? 120 : 20)}\n");
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{cities[i]},a34004,hour,2019-12-02T{hour:D2}:00:00+08:00,{(i % 2 == 0 ? 120 : 20)}\n");
            }
        }

        await portal.Server.ImportAsync(csv.ToString(), ct);
        await WaitForRankedCitiesAsync("/api/v1/rankings/cities?period=2019-12&by=goodDays", 9, ct);

        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);
        await page.GotoAsync("/rankings.html");
        await page.WaitForFunctionAsync("() => document.getElementById('period-label').textContent !== ''");

        await page.SelectOptionAsync("#by", "goodDays");
        await page.SelectOptionAsync("#dust", "excluded");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#period-form button[type=submit]"), r => r.Url.Contains("by=goodDays&dust=excluded", StringComparison.Ordinal));
        await page.Locator("#ranking button[aria-pressed=false]").ClickAsync();
        await page.Locator("#ranking-table tbody tr").First.WaitForAsync();

        string[] headers = [.. await page.Locator("#ranking-table thead th").AllInnerTextsAsync()];
        Assert.Equal(["本期", "去年同期", "变化"], headers[2..5].Select(h => h.Trim()));
        decimal[] values = [.. (await page.Locator("#ranking-table tbody tr td:nth-child(3)").AllInnerTextsAsync())
            .Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.True(values.Length >= 9, $"{values.Length} cities ranked");
        Assert.Equal(values.OrderDescending(), values);
        Assert.Equal([0m, 50m, 100m], values.Distinct().Order());
        await Browser.ScreenshotAsync(page, "rankings-good-days");
    }

    [Fact]
    public async Task WaterPage_ShowsTheSectionClassInItsColourAndTheExceedingItem()
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);
        await page.GotoAsync("/water.html");
        ILocator row = page.Locator($"#sections tr[data-mn='{PortalFixture.WaterSection}']");
        await row.WaitForAsync();

        Assert.Equal("IV", await row.Locator(".badge").InnerTextAsync());
        Assert.Equal("rgb(245, 216, 0)", await row.Locator(".badge").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        string[] cells = [.. await row.Locator("td").AllInnerTextsAsync()];
        Assert.Equal("NH3N", cells[6]);
        Assert.Equal("水库", cells[2]);
        Assert.Equal(PortalFixture.WaterDay, cells[9]);
        await Browser.ScreenshotAsync(page, "water");
    }

    [Fact]
    public async Task WaterPage_ADayBeforeTheSample_ShowsNoDataForTheSection()
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);
        await page.GotoAsync("/water.html?day=2020-01-01");
        ILocator row = page.Locator($"#sections tr[data-mn='{PortalFixture.WaterSection}']");
        await row.WaitForAsync();

        Assert.Equal("—", await row.Locator(".badge").InnerTextAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/station.html?mn=1119A")]
    [InlineData("/water.html")]
    [InlineData("/rankings.html")]
    [InlineData("/downloads.html")]
    [InlineData("/console/login.html")]
    [InlineData("/console/setup.html")]
    public async Task NarrowScreen_375Pixels_HasNoHorizontalOverflow(string path)
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl, width: 375, height: 740);
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        int width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await Browser.ScreenshotAsync(page, "375-" + path.Trim('/').Replace('/', '-').Replace('?', '-').Replace('=', '-') + (path == "/" ? "index" : ""));
        Assert.True(width <= 375, $"{path} is {width} px wide on a 375-px screen");
    }

    private static string Rgb(string hex) =>
        $"rgb({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)})";

    /// <summary>Waits until <paramref name="path"/> ranks at least <paramref name="count"/> cities (the evaluation works in the background).</summary>
    private async Task WaitForRankedCitiesAsync(string path, int count, CancellationToken cancellationToken)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await portal.Server.GetJsonAsync(path, cancellationToken)).GetArrayLength() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} ranked fewer than {count} cities within 120 s");
            await Task.Delay(200, cancellationToken);
        }
    }
}
