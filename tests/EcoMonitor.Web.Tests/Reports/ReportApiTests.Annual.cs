using System.Globalization;
using System.Net;
using System.Text.Json;
using static EcoMonitor.Web.Tests.Reports.ReportFiles;

namespace EcoMonitor.Web.Tests.Reports;

/// <summary>The annual report (年报): its numbers equal the statistics and rankings the API serves for the year.</summary>
public sealed partial class ReportApiTests
{
    [Fact]
    public async Task AnnualProvinceReport_ShowsTheApisYearStatisticsAndRankings_DustExcludedBesideTheOrdinary()
    {
        // A dust day of 长春 in the year: the dust-excluded column must follow the register as the API does.
        using (HttpResponseMessage marked = await Api.SendJsonAsync(HttpMethod.Put, "/api/v1/dust-days/220100/2019-12-21", """{"note":"年报测试"}""", Api.StaffKey))
        {
            Assert.True(marked.IsSuccessStatusCode, marked.StatusCode.ToString());
        }

        JsonElement[] stored = await GenerateAsync("annual-air", Province, "2019");
        Assert.Equal(["docx", "xlsx", "pdf"], stored.Select(r => r.GetProperty("format").GetString()));
        Assert.All(stored, r => Assert.Equal("2019", r.GetProperty("period").GetString()));

        Dictionary<string, JsonElement> ordinary = await RankingAsync("/api/v1/rankings/cities?period=2019");
        Dictionary<string, JsonElement> dust = await RankingAsync("/api/v1/rankings/cities?period=2019&dust=excluded");
        string[] jilin = [.. ordinary.Keys.Where(c => c.StartsWith("22", StringComparison.Ordinal))];
        Assert.NotEmpty(jilin);

        List<string[]> levels = DocxTable(await DownloadAsync(stored[0]), "表1");
        List<IDictionary<string, object>> pollutants = XlsxSheet(await DownloadAsync(stored[1]), "表2 六项污染物");
        List<IDictionary<string, object>> percentiles = XlsxSheet(await DownloadAsync(stored[1]), "表3 百分位数与达标");
        List<IDictionary<string, object>> ranks = XlsxSheet(await DownloadAsync(stored[1]), "表5 排名");
        byte[] pdf = await DownloadAsync(stored[2]);
        string pdfText = PdfText(pdf);
        SavePageWhenAsked(pdf, "report-annual-air-220000-2019");
        foreach (string city in jilin)
        {
            JsonElement stats = await Api.GetJsonAsync($"/api/v1/regions/{city}/statistics?period=2019");
            JsonElement dustStats = await Api.GetJsonAsync($"/api/v1/regions/{city}/statistics?period=2019&dust=excluded");
            string[] docx = levels.Single(r => r[1] == city);
            Assert.Equal(stats.GetProperty("validDays").GetInt32().ToString(CultureInfo.InvariantCulture), docx[2]);
            Assert.Equal(stats.GetProperty("goodDayShare").GetDecimal(), decimal.Parse(docx[4], CultureInfo.InvariantCulture));
            int[] byLevel = [.. stats.GetProperty("daysByLevel").EnumerateArray().Select(d => d.GetInt32())];
            Assert.Equal((byLevel[4] + byLevel[5]).ToString(CultureInfo.InvariantCulture), docx[12]);
            Assert.Equal(stats.GetProperty("comprehensiveIndex").GetDecimal(), decimal.Parse(docx[14], CultureInfo.InvariantCulture));

            IDictionary<string, object> items = pollutants.Single(r => (string)r["代码"] == city);
            IDictionary<string, object> percentileRow = percentiles.Single(r => (string)r["代码"] == city);
            foreach (JsonElement item in stats.GetProperty("items").EnumerateArray())
            {
                string name = item.GetProperty("pollutant").GetString()!;
                decimal percentile = item.GetProperty("percentile").GetDecimal();
                if (name is "CO" or "O3")
                {
                    Assert.Equal(percentile, Convert.ToDecimal(items[name == "CO" ? "CO-95per" : "O3-8h-90per"], CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Equal(item.GetProperty("mean").GetDecimal(), Convert.ToDecimal(items[name], CultureInfo.InvariantCulture));
                }

                string column = $"{(name == "O3" ? "O3-8h" : name)}-{item.GetProperty("percentileRank").GetInt32()}per";
                Assert.Equal(percentile, Convert.ToDecimal(percentileRow[column], CultureInfo.InvariantCulture));
            }

            IDictionary<string, object> rank = ranks.Single(r => (string)r["代码"] == city);
            Assert.Equal(stats.GetProperty("comprehensiveIndex").GetDecimal(), Convert.ToDecimal(rank["综合指数"], CultureInfo.InvariantCulture));
            Assert.Equal(RankInProvince(ordinary, jilin, city), Convert.ToInt32(rank["排名"], CultureInfo.InvariantCulture));
            Assert.Equal(dustStats.GetProperty("comprehensiveIndex").GetDecimal(), Convert.ToDecimal(rank["综合指数(扣沙)"], CultureInfo.InvariantCulture));
            Assert.Equal(RankInProvince(dust, jilin, city), Convert.ToInt32(rank["排名(扣沙)"], CultureInfo.InvariantCulture));

            string pdfLine = pdfText.Split('\n').First(l => l.Contains(city, StringComparison.Ordinal));
            Assert.Contains(stats.GetProperty("goodDayShare").GetDecimal().ToString(CultureInfo.InvariantCulture), pdfLine, StringComparison.Ordinal);
        }

        // The register's mark changed 长春's dust-excluded index, so the two columns differ where they must.
        Assert.NotEqual(
            (await Api.GetJsonAsync("/api/v1/regions/220100/statistics?period=2019")).GetProperty("comprehensiveIndex").GetDecimal(),
            Convert.ToDecimal(ranks.Single(r => (string)r["代码"] == "220100")["综合指数(扣沙)"], CultureInfo.InvariantCulture));

        Assert.Empty(DocxErrors(await DownloadAsync(stored[0])));

        Assert.True(Render(pdf) >= 2);
    }

    [Fact]
    public async Task AnnualReport_NeedsAYearAsItsPeriod()
    {
        using HttpResponseMessage month = await Api.SendJsonAsync(HttpMethod.Post, "/api/v1/reports",
            """{"kind":"annual-air","region":"220000","period":"2019-12"}""", Api.StaffKey);
        Assert.Equal(HttpStatusCode.BadRequest, month.StatusCode);
    }

    private async Task<Dictionary<string, JsonElement>> RankingAsync(string path)
    {
        Dictionary<string, JsonElement> cities = [];
        foreach (JsonElement rank in (await Api.GetJsonAsync(path)).EnumerateArray())
        {
            cities[rank.GetProperty("city").GetString()!] = rank;
        }

        return cities;
    }
}
