using System.Text.Json;

namespace EcoMonitor.Portal.Tests;

/// <summary>The map page's tables on a common office screen (1366 × 768), in both languages (issue 17 item 8).</summary>
public sealed partial class PortalPageTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task CityTable_At1366Pixels_ShowsEveryColumnWithinItsBox(string lang)
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl, width: 1366, height: 768);
        await page.GotoAsync("/?lang=" + lang);
        await page.Locator("#city-table tbody tr").First.WaitForAsync();
        await Browser.ScreenshotAsync(page, "map-1366-" + lang);

        // The fixture's 黔东南 station makes the widest row: the longest English prefecture name and category.
        Assert.Contains(lang == "en" ? "Qiandongnan Miao and Dong Autonomous Prefecture" : "黔东南苗族侗族自治州", await page.InnerTextAsync("#city-table"), StringComparison.Ordinal);
        await AssertEveryColumnWithinItsBoxAsync(page, "city-table", lang);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task MapAsTable_At1366Pixels_ShowsEveryColumnWithinItsBox(string lang)
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl, width: 1366, height: 768);
        await page.GotoAsync("/?lang=" + lang);
        await page.WaitForSelectorAsync("body[data-stations-drawn]");
        await page.ClickAsync("#map-block .toggle button[aria-pressed='false']");
        await page.Locator("#station-table tbody tr").First.WaitForAsync();
        await Browser.ScreenshotAsync(page, "map-table-1366-" + lang);

        await AssertEveryColumnWithinItsBoxAsync(page, "station-table", lang);
    }

    private static async Task AssertEveryColumnWithinItsBoxAsync(IPage page, string tableId, string lang)
    {
        // The box the table is shown in (its scrolling wrapper) and, for each column, its header and its first cell:
        // each must lie within the box, and nothing may be hidden to the right of it.
        JsonElement layout = await page.EvaluateAsync<JsonElement>("""
            id => {
              const table = document.getElementById(id);
              const wrap = table.parentElement;
              const box = wrap.getBoundingClientRect();
              const rect = e => { const r = e.getBoundingClientRect(); return { text: e.innerText, left: r.left, right: r.right, width: r.width }; };
              return {
                box: { left: box.left, right: box.right },
                hiddenWidth: wrap.scrollWidth - wrap.clientWidth,
                headers: [...table.querySelectorAll('thead th')].map(rect),
                cells: [...table.querySelectorAll('tbody tr:first-child td')].map(rect)
              };
            }
            """, tableId);
        double left = layout.GetProperty("box").GetProperty("left").GetDouble();
        double right = layout.GetProperty("box").GetProperty("right").GetDouble();
        JsonElement[] headers = [.. layout.GetProperty("headers").EnumerateArray()];
        JsonElement[] cells = [.. layout.GetProperty("cells").EnumerateArray()];

        Assert.Equal(6, headers.Length);
        Assert.Equal(headers.Length, cells.Length);
        Assert.True(layout.GetProperty("hiddenWidth").GetDouble() <= 0, $"{lang}: #{tableId} scrolls by {layout.GetProperty("hiddenWidth")} px");
        foreach (JsonElement e in headers.Concat(cells))
        {
            string what = $"{lang} #{tableId}: '{e.GetProperty("text").GetString()}' at {e.GetProperty("left").GetDouble():F0}–{e.GetProperty("right").GetDouble():F0} px, box {left:F0}–{right:F0} px";
            Assert.True(e.GetProperty("width").GetDouble() > 0, what);
            Assert.True(e.GetProperty("left").GetDouble() >= left - 0.5, what);
            Assert.True(e.GetProperty("right").GetDouble() <= right + 0.5, what);
        }
    }
}
