using System.Globalization;
using System.Net;
using System.Text.Json;
using EcoMonitor.Web.Tests.Evaluation;

namespace EcoMonitor.Web.Tests.Reports;

/// <summary>
/// The monthly surface-water report (地表水环境质量月报) of 广西 for July 2025 over the hand-made sections of
/// <see cref="WaterBodyNetwork"/>: every section class, share, ranking figure, basin rating and trophic index in the
/// DOCX, XLSX and PDF equals what the water endpoints serve; the DOCX validates and the PDF renders.
/// </summary>
[Trait("Area", "Reports")]
public sealed class WaterReportApiTests(WaterBodyNetwork network) : IClassFixture<WaterBodyNetwork>
{
    private const string Province = "450000";

    private static readonly string[] ClassNames = ["I", "II", "III", "IV", "V", "劣V"];

    private ApiFactory Api => network.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MonthlyWaterReport_ShowsTheWaterEndpointsNumbers_InDocxXlsxAndPdf()
    {
        JsonElement[] stored = await GenerateAsync(Province, "2025-07");
        Assert.Equal(["docx", "xlsx", "pdf"], stored.Select(r => r.GetProperty("format").GetString()));
        Assert.All(stored, r => Assert.Equal("monthly-water", r.GetProperty("kind").GetString()));
        byte[] docx = await DownloadAsync(stored[0]), xlsx = await DownloadAsync(stored[1]), pdf = await DownloadAsync(stored[2]);
        string pdfText = ReportFiles.PdfText(pdf);
        ReportFiles.SavePageWhenAsked(pdf, "report-monthly-water-450000-2025-07");

        // Sections: the class /stations/{mn}/water serves for the month.
        List<string[]> sections = ReportFiles.DocxTable(docx, "表2");
        Assert.Equal(10, sections.Count);
        foreach (string[] row in sections)
        {
            JsonElement month = Assert.Single((await Api.GetJsonAsync($"/api/v1/stations/{row[1]}/water?interval=month&from=2025-07-01&to=2025-08-01")).EnumerateArray());
            Assert.Equal(month.GetProperty("className").GetString(), row[5]);
            Assert.Equal(month.GetProperty("quality").GetString(), row[6]);
        }

        Assert.Contains("氨氮(1.5", sections.Single(r => r[1] == "WBA5")[9], StringComparison.Ordinal);

        // Shares by class: II WBA1, WBR1 (CODMn 2 I, TP 0.02 II); III WBA2, WBA3, WBB1, WBL1 (lake TP 0.05 III); IV WBA4,
        // WBL2 (lake TP 0.07); V WBB2; 劣V WBA5 — of 10.
        int[] counts = [0, 2, 4, 2, 1, 1];
        Assert.Equal(counts, ClassNames.Select(c => sections.Count(r => r[5] == c)));

        List<IDictionary<string, object>> shares = ReportFiles.XlsxSheet(xlsx, "表1 类别比例");
        Assert.Equal(counts, shares.Select(r => Convert.ToInt32(r["断面数"], CultureInfo.InvariantCulture)));
        Assert.Equal(counts.Select(c => Math.Round(c * 100m / 10, 1)), shares.Select(r => Convert.ToDecimal(r["比例(%)"], CultureInfo.InvariantCulture)));

        // City ranking as /rankings/water/cities?within= serves it.
        JsonElement city = Assert.Single((await Api.GetJsonAsync($"/api/v1/rankings/water/cities?period=2025-07&within={Province}")).EnumerateArray());
        IDictionary<string, object> ranked = Assert.Single(ReportFiles.XlsxSheet(xlsx, "表4 城市排名"));
        Assert.Equal(city.GetProperty("city").GetString(), (string)ranked["代码"]);
        Assert.Equal(city.GetProperty("cwqi").GetDecimal(), Convert.ToDecimal(ranked["CWQI"], CultureInfo.InvariantCulture));
        Assert.Contains(city.GetProperty("cwqi").GetDecimal().ToString(CultureInfo.InvariantCulture), pdfText, StringComparison.Ordinal);

        // Basins as /rankings/water/basins serves them.
        JsonElement basins = await Api.GetJsonAsync($"/api/v1/rankings/water/basins?period=2025-07&within={Province}");
        List<string[]> basinRows = ReportFiles.DocxTable(docx, "表5");
        Assert.Equal(basins.EnumerateArray().Select(b => b.GetProperty("name").GetString()), basinRows.Select(r => r[0]));
        foreach ((JsonElement basin, string[] row) in basins.EnumerateArray().Zip(basinRows))
        {
            Assert.Equal(basin.GetProperty("goodShare").GetDecimal(), decimal.Parse(row[2], CultureInfo.InvariantCulture));
            Assert.Equal(basin.GetProperty("worstShare").GetDecimal(), decimal.Parse(row[3], CultureInfo.InvariantCulture));
            Assert.Equal(basin.GetProperty("rating").GetString(), row[5]);
            string pdfLine = pdfText.Split('\n').First(l => l.Contains(basin.GetProperty("name").GetString()!, StringComparison.Ordinal) && l.Contains(row[5], StringComparison.Ordinal));
            Assert.Contains(row[2], pdfLine, StringComparison.Ordinal);
        }

        // Lakes as /water/lakes/trophic serves them: 测试湖 TLI 52.2 轻度富营养.
        JsonElement lakes = await Api.GetJsonAsync($"/api/v1/water/lakes/trophic?period=2025-07&within={Province}");
        List<IDictionary<string, object>> lakeRows = ReportFiles.XlsxSheet(xlsx, "表7 湖库");
        Assert.Equal(lakes.EnumerateArray().Select(l => l.GetProperty("name").GetString()), lakeRows.Select(r => (string)r["湖库"]));
        JsonElement lake = lakes[0];
        Assert.Equal(lake.GetProperty("tli").GetDecimal(), Convert.ToDecimal(lakeRows[0]["TLI"], CultureInfo.InvariantCulture));
        Assert.Equal(lake.GetProperty("state").GetString(), (string)lakeRows[0]["营养状态"]);
        Assert.Equal(lake.GetProperty("chlorophyll").GetDecimal(), Convert.ToDecimal(lakeRows[0]["叶绿素a(mg/m³)"], CultureInfo.InvariantCulture));
        Assert.Contains("52.2", pdfText.Split('\n').First(l => l.Contains("测试湖", StringComparison.Ordinal) && l.Contains("轻度富营养", StringComparison.Ordinal)), StringComparison.Ordinal);

        string[] errors = ReportFiles.DocxErrors(docx);
        Assert.True(errors.Length == 0, string.Join("\n", errors));
        Assert.True(ReportFiles.Render(pdf) >= 2);
    }

    [Fact]
    public async Task RegionWithoutSections_IsUnknown()
    {
        using HttpResponseMessage response = await Api.SendJsonAsync(HttpMethod.Post, "/api/v1/reports",
            """{"kind":"monthly-water","region":"460000","period":"2025-07"}""", Api.StaffKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("surface-water section", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<JsonElement[]> GenerateAsync(string region, string period)
    {
        using HttpResponseMessage response = await Api.SendJsonAsync(HttpMethod.Post, "/api/v1/reports",
            $$"""{"kind":"monthly-water","region":"{{region}}","period":"{{period}}"}""", Api.StaffKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ApiFactory.ReadJsonAsync(response)).EnumerateArray()];
    }

    private async Task<byte[]> DownloadAsync(JsonElement report)
    {
        using HttpResponseMessage response = await Api.GetAsync($"/api/v1/reports/{report.GetProperty("id").GetInt64()}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }
}
