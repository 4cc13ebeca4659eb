using System.Globalization;
using System.Text.Json;

namespace EcoMonitor.Portal.Tests;

/// <summary>The rankings page's targets section (考核目标完成情况, issue 16 part 5): regions with targets, a region's progress.</summary>
public sealed partial class PortalPageTests
{
    [Fact]
    [Trait("Area", "Reports")]
    public async Task RankingsPage_TargetsSection_OffersTheYearsRegions_AndShowsTheApisProgress()
    {
        // The year of the fixture's water day: the province of the section with a target class (吉林省, 220000) gets a
        // share of good sections and that section's class for the year; a city an air target.
        string year = PortalFixture.WaterDay[..4];
        await portal.Server.PutJsonAsync($"/api/v1/targets/220000/{year}", "{\"goodWaterShare\": 80, \"sections\": {\"" + PortalFixture.TargetSection + "\": 2}}", Ct);
        await portal.Server.PutJsonAsync($"/api/v1/targets/510100/{year}", """{"pm25": 38.5, "goodDayRatio": 86}""", Ct);
        JsonElement listed = await portal.Server.GetJsonAsync($"/api/v1/targets?year={year}", Ct);
        JsonElement progress = await portal.Server.GetJsonAsync($"/api/v1/regions/220000/targets/{year}/progress", Ct);

        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl, width: 1366, height: 900);
        await page.GotoAsync($"/rankings.html?targetYear={year}&targetRegion=220000");
        await page.Locator("#targets-progress .toggle button:nth-child(2)").ClickAsync();
        ILocator rows = page.Locator("#targets-progress-table tbody tr");
        await rows.First.WaitForAsync();

        // The regions offered are the API's regions with targets that year, in its order, named (吉林省（220000）).
        Assert.Equal(
            listed.EnumerateArray().Select(t => t.GetProperty("region").GetString()),
            await page.Locator("#targets-region option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        Assert.Equal("吉林省（220000）", (await page.Locator("#targets-region option:checked").InnerTextAsync()).Trim());

        // Each measure: target, to date, projection, on track (是/否 as on the console's page; — when unknown).
        string[][] cells = await CellsAsync(rows);
        Assert.Equal(
            progress.GetProperty("measures").EnumerateArray().Select(m => (
                Number(m.GetProperty("target")), Number(m.GetProperty("toDate")), Number(m.GetProperty("projection")),
                m.GetProperty("onTrack").ValueKind switch { JsonValueKind.True => "是", JsonValueKind.False => "否", _ => "—" })),
            cells.Select(r => (Parse(r[1]), Parse(r[2]), Parse(r[3]), r[4])));
        Assert.Equal(["优良水质断面比例（%）"], cells.Select(r => r[0]));
        Assert.NotNull(Parse(cells[0][2]));

        // The section with its class for the year, its class to date (III) and not on track against II.
        string[] section = (await CellsAsync(page.Locator($"#targets-sections-table tbody tr[data-mn='{PortalFixture.TargetSection}']"))).Single();
        JsonElement expected = progress.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("mn").GetString() == PortalFixture.TargetSection);
        Assert.Equal(3, expected.GetProperty("classToDate").GetInt32());
        Assert.Equal(("II", "III", "否"), (section[2], section[3], section[5]));

        // Another region: the city's air targets, as the API gives them.
        JsonElement city = await portal.Server.GetJsonAsync($"/api/v1/regions/510100/targets/{year}/progress", Ct);
        await page.SelectOptionAsync("#targets-region", "510100");
        await page.Locator("#targets-progress .toggle button:nth-child(2)").ClickAsync();
        await page.Locator("#targets-progress-table tbody tr[data-measure='pm25']").WaitForAsync();
        Assert.Equal(
            city.GetProperty("measures").EnumerateArray().Select(m => (m.GetProperty("measure").GetString(), Number(m.GetProperty("target")))),
            (await CellsAsync(page.Locator("#targets-progress-table tbody tr"))).Select(r => ((string?)(r[0].StartsWith("PM2.5", StringComparison.Ordinal) ? "pm25" : "goodDayRatio"), Parse(r[1]))));
        await Browser.ScreenshotAsync(page, "rankings-targets");
    }

    private static decimal? Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDecimal() : null;

    private static decimal? Parse(string cell) => cell.Length == 0 ? null : decimal.Parse(cell, CultureInfo.InvariantCulture);

    private static async Task<string[][]> CellsAsync(ILocator rows)
    {
        List<string[]> cells = [];
        foreach (ILocator row in await rows.AllAsync())
        {
            cells.Add([.. (await row.Locator("td").AllInnerTextsAsync()).Select(c => c.Trim())]);
        }

        return [.. cells];
    }
}
