using System.Globalization;
using System.Text.Json;

namespace EcoMonitor.Portal.Tests;

/// <summary>The water page's rankings for a month: cities by CWQI, basins rated, lakes' trophic states (issue 16 part 2).</summary>
public sealed partial class PortalPageTests
{
    [Fact]
    [Trait("Area", "Reports")]
    public async Task WaterPage_RankingTables_ShowTheApisCitiesBasinsAndLakes()
    {
        JsonElement cities = await portal.Server.GetJsonAsync("/api/v1/rankings/water/cities?period=2026-02", Ct);
        JsonElement basins = await portal.Server.GetJsonAsync("/api/v1/rankings/water/basins?period=2026-02", Ct);
        JsonElement lakes = await portal.Server.GetJsonAsync("/api/v1/water/lakes/trophic?period=2026-02", Ct);
        Assert.NotEmpty(basins.EnumerateArray());
        Assert.NotEmpty(lakes.EnumerateArray());

        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl, width: 1366, height: 900);
        await page.GotoAsync("/water.html?month=2026-02");
        string[][] cityRows = await TableAsync(page, "water-cities");
        string[][] basinRows = await TableAsync(page, "water-basins");
        string[][] lakeRows = await TableAsync(page, "water-lakes");

        // Cities: rank, name, CWQI as served (the sample's sections are registered at province level: 四川省 …).
        Assert.Equal(cities.GetArrayLength(), cityRows.Length);
        Assert.Equal(
            cities.EnumerateArray().Select(c => (c.GetProperty("rank").GetInt32(), c.GetProperty("cwqi").GetDecimal())),
            cityRows.Select(r => (int.Parse(r[0], CultureInfo.InvariantCulture), decimal.Parse(r[2], CultureInfo.InvariantCulture))));

        // Basins: name, sections, share of I–III, rating word (the sample release is class II–III: 优 everywhere).
        Assert.Equal(
            basins.EnumerateArray().Select(b => (b.GetProperty("name").GetString(), b.GetProperty("sections").GetInt32(), b.GetProperty("goodShare").GetDecimal(), b.GetProperty("rating").GetString())),
            basinRows.Select(r => ((string?)r[0], int.Parse(r[1], CultureInfo.InvariantCulture), decimal.Parse(r[2], CultureInfo.InvariantCulture), (string?)r[4])));
        Assert.Contains(basinRows, r => r[0] == "长江流域");

        // Lakes: the sample release has no chlorophyll a or transparency, so no TLI and the page names what is missing.
        Assert.Equal(lakes.EnumerateArray().Select(l => l.GetProperty("name").GetString()), lakeRows.Select(r => (string?)r[0]));
        string[] hongfeng = lakeRows.Single(r => r[0] == "红枫湖");
        Assert.Equal(("2", "", "未评价（缺 chla, SD）"), (hongfeng[1], hongfeng[2], hongfeng[3]));
        await Browser.ScreenshotAsync(page, "water-ranking");
    }

    /// <summary>Switches the block <paramref name="id"/> to its table and reads its cells.</summary>
    private static async Task<string[][]> TableAsync(IPage page, string id)
    {
        await page.Locator($"#{id} .toggle button:nth-child(2)").ClickAsync();
        ILocator rows = page.Locator($"#{id}-table tbody tr");
        await rows.First.WaitForAsync();
        List<string[]> cells = [];
        foreach (ILocator row in await rows.AllAsync())
        {
            cells.Add([.. (await row.Locator("td").AllInnerTextsAsync()).Select(c => c.Trim())]);
        }

        return [.. cells];
    }
}
