using System.Text.Json;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// Report documents in headless Chromium against the real server (docs/reports.md): the console's 报告 page lists the
/// archive and generates a report, and the portal's downloads page lists the published reports by kind, region, period
/// and version with a working link per format, filtered by kind, region and period.
/// </summary>
[Trait("Area", "Portal")]
[Trait("Area", "Reports")]
public sealed class ReportPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConsoleReportsPage_GeneratesAReport_AndListsItsThreeFormatsWithDownloads()
    {
        IPage page = await portal.SignedInConsoleAsync();
        await page.Locator("#tab-reports").WaitForAsync();
        await Browser.NavigateByAsync(page, "**/console/reports.html", () => page.ClickAsync("#tab-reports"));
        await page.Locator("#generate-section:not([hidden])").WaitForAsync();

        await page.SelectOptionAsync("#report-kind", "daily-bulletin");
        await page.FillAsync("#report-region", "220000");
        await page.FillAsync("#report-period", "2019-12-20");
        await page.ClickAsync("#generate");
        await page.Locator("#action-result.ok").WaitForAsync();

        JsonElement archived = await portal.Server.GetJsonAsync("/api/v1/reports?kind=daily-bulletin&region=220000&period=2019-12-20", Ct);
        Assert.Equal(3, archived.GetArrayLength());
        foreach (JsonElement report in archived.EnumerateArray())
        {
            ILocator row = page.Locator($"#reports-table tbody tr[data-report='{report.GetProperty("id").GetInt64()}']");
            await row.WaitForAsync();
            string fileName = report.GetProperty("fileName").GetString()!;
            Assert.Equal($"/api/v1/reports/{report.GetProperty("id").GetInt64()}", await row.Locator("a").GetAttributeAsync("href"));
            Assert.Equal(fileName, await row.Locator("a").InnerTextAsync());
        }

        Assert.Contains("空气质量日报", await page.InnerTextAsync("#reports-table"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "console-reports");
    }

    [Fact]
    public async Task PortalDownloads_ListsThePublishedReports_WithALinkPerFormat_FilteredByKindRegionAndPeriod()
    {
        await portal.Server.PostJsonAsync("/api/v1/reports", """{"kind":"monthly-air","region":"510000","period":"2019-12"}""", Ct);
        await portal.Server.PostJsonAsync("/api/v1/reports", """{"kind":"annual-air","region":"510100","period":"2019"}""", Ct);
        await portal.Server.PostJsonAsync("/api/v1/reports", """{"kind":"daily-bulletin","region":"510000","period":"2019-12-20"}""", Ct);

        IPage page = await portal.Browser.NewPageAsync(portal.Server.BaseUrl);
        await page.GotoAsync("/downloads.html");
        ILocator monthly = page.Locator("#bulletins-table tbody tr[data-kind='monthly-air'][data-region='510000'][data-period='2019-12']");
        await monthly.WaitForAsync();
        Assert.Contains("环境空气质量月报", await monthly.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("四川", await monthly.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["PDF", "DOCX", "XLSX"], (await monthly.Locator("a").AllInnerTextsAsync()).Select(t => t.Trim()));
        foreach (string href in await monthly.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            using HttpResponseMessage file = await portal.Server.Client.GetAsync(new Uri(href, UriKind.Relative), Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, file.StatusCode);
            Assert.NotEmpty(await file.Content.ReadAsByteArrayAsync(Ct));
        }

        await Browser.ScreenshotAsync(page, "portal-reports");

        await page.SelectOptionAsync("#bulletin-kind", "annual-air");
        await page.Locator("#bulletins[data-shown]").WaitForAsync();
        string[] kinds = [.. await page.Locator("#bulletins-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)")];
        Assert.Equal(["annual-air"], kinds);
        Assert.Contains("环境空气质量年报", await page.InnerTextAsync("#bulletins-table"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#bulletin-kind", "");
        await page.Locator("#bulletins[data-shown]").WaitForAsync();
        await page.FillAsync("#bulletin-period", "2019-12-20");
        await page.Locator("#bulletin-period").DispatchEventAsync("change");
        await page.Locator("#bulletins[data-shown]").WaitForAsync();
        string[] periods = [.. await page.Locator("#bulletins-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.period)")];
        Assert.NotEmpty(periods);
        Assert.All(periods, p => Assert.Equal("2019-12-20", p));

        await page.SelectOptionAsync("#bulletin-region", "510000");
        await page.Locator("#bulletins[data-shown]").WaitForAsync();
        string[] regions = [.. await page.Locator("#bulletins-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.region)")];
        Assert.Equal(["510000"], regions);
    }
}
