namespace EcoMonitor.Portal.Tests;

/// <summary>The water page's target, exceeding-items and main-pollutant columns (issue 17 item 8).</summary>
public sealed partial class PortalPageTests
{
    // Columns of the section table (water.js): section, region, water body, class, quality, target, exceeding, main
    // pollutants, items, day.
    private const int TargetColumn = 5;
    private const int ExceedingColumn = 6;
    private const int MainPollutantsColumn = 7;

    [Fact]
    public async Task WaterPage_TargetExceedingAndMainPollutants_AreShownWhereTheDataSaySo()
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);
        await page.GotoAsync("/water.html");

        // Class IV, no target: NH3-N is worse than III (the class used without a target) and is the main pollutant
        // (地表水环境质量评价办法 二(四): the section is worse than III).
        string[] noTarget = await CellsAsync(page, PortalFixture.WaterSection);
        Assert.Equal("未设定", noTarget[TargetColumn]);
        Assert.Equal("NH3N", noTarget[ExceedingColumn]);
        Assert.Equal("NH3N", noTarget[MainPollutantsColumn]);

        // Class III, target II: CODMn exceeds the target; no main pollutant, as the section is not worse than III.
        string[] target = await CellsAsync(page, PortalFixture.TargetSection);
        Assert.Equal("II", target[TargetColumn]);
        Assert.Equal("CODMn", target[ExceedingColumn]);
        Assert.Equal("无", target[MainPollutantsColumn]);
    }

    [Fact]
    public async Task WaterPage_SampleRelease_EverySectionSaysItsTargetExceedingItemsAndMainPollutants()
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl, width: 1366, height: 768);
        await page.GotoAsync("/water.html?lang=en&day=" + PortalFixture.SampleWaterDay);

        // The sample's sections are class II–III in this release and have no registered target (samples/README.md):
        // the page says so instead of leaving the cells blank.
        Assert.Equal(20, portal.SampleSections.Count);
        foreach (string mn in portal.SampleSections)
        {
            string[] cells = await CellsAsync(page, mn);
            Assert.Equal(PortalFixture.SampleWaterDay, cells[9]);
            Assert.Equal("not set", cells[TargetColumn]);
            Assert.Equal("none", cells[ExceedingColumn]);
            Assert.Equal("none", cells[MainPollutantsColumn]);
        }

        await Browser.ScreenshotAsync(page, "water-sample-en-1366");
    }

    [Fact]
    public async Task WaterPage_InEnglish_ShowsNoChineseBesideTheSectionNames()
    {
        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl, width: 1366, height: 768);
        await page.GotoAsync("/water.html?lang=en&day=" + PortalFixture.SampleWaterDay);
        await page.Locator($"#sections tr[data-mn='{portal.SampleSections[0]}']").WaitForAsync();

        // Section names stay as registered (docs/portal.md); every other word on the page is English: the title, note,
        // legend (worse than V), headers, and each cell — quality words (excellent, good …), classes, water bodies.
        List<string> texts = [await page.InnerTextAsync("h1"), await page.InnerTextAsync("p.note"), await page.InnerTextAsync("#water-legend")];
        texts.AddRange(await page.Locator("#sections th").AllInnerTextsAsync());
        foreach (ILocator row in await page.Locator("#sections tbody tr").AllAsync())
        {
            texts.AddRange((await row.Locator("td").AllInnerTextsAsync()).Skip(1));
        }

        Assert.Contains("good", texts);
        Assert.Contains(texts, t => t.Contains("worse than V", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Any(IsHan));
    }

    // CJK Unified Ideographs (and Extension A), the block every Chinese word of the page is in.
    private static bool IsHan(char c) => c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf');

    private static async Task<string[]> CellsAsync(IPage page, string mn)
    {
        ILocator row = page.Locator($"#sections tr[data-mn='{mn}']");
        await row.WaitForAsync();
        return [.. await row.Locator("td").AllInnerTextsAsync()];
    }
}
