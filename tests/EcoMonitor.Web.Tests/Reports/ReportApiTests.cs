using System.Globalization;
using System.Net;
using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Web.Tests.Evaluation;
using EcoMonitor.Web.Tests.Security;
using static EcoMonitor.Web.Tests.Reports.ReportFiles;

namespace EcoMonitor.Web.Tests.Reports;

/// <summary>
/// Report documents generated over the evaluated sample history (Jilin, 2019-12-18…31): every number in the DOCX, XLSX
/// and PDF equals what the statistics and AQI endpoints serve for the same period; the files validate and render; a
/// regeneration over unchanged data adds no version; generating needs the permission and stays in the caller's jurisdiction.
/// </summary>
[Trait("Area", "Reports")]
public sealed partial class ReportApiTests(EvaluatedSampleHistory history) : IClassFixture<EvaluatedSampleHistory>
{
    private const string Province = "220000";

    private ApiFactory Api => history.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MonthlyProvinceReport_ShowsTheApisNumbers_InDocxXlsxAndPdf_AndRegeneratingUnchangedDataAddsNoVersion()
    {
        JsonElement[] stored = await GenerateAsync("monthly-air", Province, "2019-12");
        Assert.Equal(["docx", "xlsx", "pdf"], stored.Select(r => r.GetProperty("format").GetString()));
        Assert.All(stored, r => Assert.Equal(1, r.GetProperty("version").GetInt32()));

        Dictionary<string, JsonElement> cities = [];
        foreach (JsonElement rank in (await Api.GetJsonAsync("/api/v1/rankings/cities?period=2019-12")).EnumerateArray())
        {
            cities[rank.GetProperty("city").GetString()!] = rank;
        }

        string[] jilinCities = [.. cities.Keys.Where(c => c.StartsWith("22", StringComparison.Ordinal))];
        Assert.NotEmpty(jilinCities);
        var expected = new Dictionary<string, (JsonElement Stats, string Rank)>();
        foreach (string city in jilinCities)
        {
            expected[city] = (await Api.GetJsonAsync($"/api/v1/regions/{city}/statistics?period=2019-12"), "");
        }

        List<string[]> docxRows = DocxTable(await DownloadAsync(stored[0]), "表1");
        IEnumerable<IDictionary<string, object>> xlsxRows = XlsxSheet(await DownloadAsync(stored[1]), "表1 级别与综合指数");
        byte[] pdf = await DownloadAsync(stored[2]);
        string pdfText = PdfText(pdf);
        SavePageWhenAsked(pdf, "report-monthly-air-220000-2019-12");
        foreach (string city in jilinCities)
        {
            JsonElement stats = expected[city].Stats;
            string[] docx = docxRows.Single(r => r[1] == city);
            Assert.Equal(stats.GetProperty("validDays").GetInt32().ToString(CultureInfo.InvariantCulture), docx[2]);
            Assert.Equal(stats.GetProperty("goodDayShare").GetDecimal(), decimal.Parse(docx[3], CultureInfo.InvariantCulture));
            Assert.Equal(stats.GetProperty("comprehensiveIndex").GetDecimal(), decimal.Parse(docx[11], CultureInfo.InvariantCulture));
            Assert.Equal(RankInProvince(cities, jilinCities, city).ToString(CultureInfo.InvariantCulture), docx[12]);

            IDictionary<string, object> xlsx = xlsxRows.Single(r => (string)r["代码"] == city);
            Assert.Equal(stats.GetProperty("goodDayShare").GetDecimal(), Convert.ToDecimal(xlsx["优良天数比例(%)"], CultureInfo.InvariantCulture));
            Assert.Equal(stats.GetProperty("comprehensiveIndex").GetDecimal(), Convert.ToDecimal(xlsx["综合指数"], CultureInfo.InvariantCulture));
            Assert.Equal(RankInProvince(cities, jilinCities, city), Convert.ToInt32(xlsx["排名"], CultureInfo.InvariantCulture));

            string pdfLine = pdfText.Split('\n').First(l => l.Contains(city, StringComparison.Ordinal));
            Assert.Contains(stats.GetProperty("goodDayShare").GetDecimal().ToString(CultureInfo.InvariantCulture), pdfLine, StringComparison.Ordinal);
            Assert.Contains(stats.GetProperty("comprehensiveIndex").GetDecimal().ToString(CultureInfo.InvariantCulture), pdfLine, StringComparison.Ordinal);
        }

        JsonElement[] again = await GenerateAsync("monthly-air", Province, "2019-12");
        Assert.All(again, r => Assert.False(r.GetProperty("isNew").GetBoolean()));
        Assert.Equal(stored.Select(r => r.GetProperty("id").GetInt64()), again.Select(r => r.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task DailyBulletin_ShowsEachCitysDailyAqi_AsTheAqiEndpointServesIt()
    {
        JsonElement[] stored = await GenerateAsync("daily-bulletin", Province, "2019-12-20");
        List<string[]> rows = DocxTable(await DownloadAsync(stored[0]), "表1");
        byte[] pdf = await DownloadAsync(stored[2]);
        string pdfText = PdfText(pdf);
        SavePageWhenAsked(pdf, "report-daily-bulletin-220000-2019-12-20");
        Assert.NotEmpty(rows);
        foreach (string[] row in rows)
        {
            JsonElement days = await Api.GetJsonAsync($"/api/v1/regions/{row[1]}/aqi?interval=day&from=2019-12-20&to=2019-12-21");
            string aqi = days.GetArrayLength() == 1 && days[0].GetProperty("aqi").ValueKind == JsonValueKind.Number
                ? days[0].GetProperty("aqi").GetInt32().ToString(CultureInfo.InvariantCulture) : "—";
            Assert.Equal(aqi, row[2]);
            if (aqi != "—")
            {
                Assert.Equal(days[0].GetProperty("category").GetString(), row[4]);
                Assert.Equal(string.Join("、", days[0].GetProperty("primary").EnumerateArray().Select(p => p.GetString())) is { Length: > 0 } p ? p : "—", row[5]);
                Assert.Contains(pdfText.Split('\n'), l => l.Contains(row[1], StringComparison.Ordinal) && l.Contains(aqi, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task ListedReports_DownloadWithContentTypeFileNameAndHash_Anonymously()
    {
        JsonElement[] stored = await GenerateAsync("monthly-air", "220100", "2019-12");
        JsonElement list = await Api.GetJsonAsync("/api/v1/reports?region=220100&kind=monthly-air");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetInt64() == stored[2].GetProperty("id").GetInt64());

        using HttpResponseMessage pdf = await Api.GetAsync($"/api/v1/reports/{stored[2].GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("monthly-air-220100-2019-12-v1.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName);
        byte[] bytes = await pdf.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(stored[2].GetProperty("contentHash").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.True(Render(bytes) > 0);

        using HttpResponseMessage missing = await Api.GetAsync("/api/v1/reports/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Generating_NeedsThePermission_AndAProvinceOrCity()
    {
        using HttpResponseMessage anonymous = await Api.SendJsonAsync(HttpMethod.Post, "/api/v1/reports",
            """{"kind":"monthly-air","region":"220000","period":"2019-12"}""", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using HttpResponseMessage county = await Api.SendJsonAsync(HttpMethod.Post, "/api/v1/reports",
            """{"kind":"monthly-air","region":"220102","period":"2019-12"}""", Api.StaffKey);
        Assert.Equal(HttpStatusCode.BadRequest, county.StatusCode);
        using HttpResponseMessage badPeriod = await Api.SendJsonAsync(HttpMethod.Post, "/api/v1/reports",
            """{"kind":"daily-bulletin","region":"220000","period":"2019-12"}""", Api.StaffKey);
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        using HttpResponseMessage noStations = await Api.SendJsonAsync(HttpMethod.Post, "/api/v1/reports",
            """{"kind":"monthly-air","region":"650000","period":"2019-12"}""", Api.StaffKey);
        Assert.Equal(HttpStatusCode.NotFound, noStations.StatusCode);
    }

    [Fact]
    public async Task ACityManager_GeneratesOnlyTheirCitysReports_AnotherCityOrTheProvinceIsUnknownToThem()
    {
        await TestPeople.CreateAsync(Api.Services, "changchun.manager", [Role.Manager], "220100");
        string cookie = await TestPeople.SignInAsync(Api.Client.BaseAddress!, "changchun.manager");

        Assert.Equal(HttpStatusCode.OK, await PostAsCookieAsync(cookie, "220100"));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsCookieAsync(cookie, "220200"));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsCookieAsync(cookie, "220000"));
    }

    [Fact]
    public async Task Docx_ValidatesWithoutErrors_AndPdfRenders()
    {
        JsonElement[] stored = await GenerateAsync("monthly-air", Province, "2019-12");
        Assert.Empty(DocxErrors(await DownloadAsync(stored[0])));

        Assert.True(Render(await DownloadAsync(stored[2])) >= 2);
    }

    /// <summary>
    /// The city's rank among the province's cities by the comprehensive index of <c>/rankings/cities</c> (the same method:
    /// ascending, equal indices share a rank).
    /// </summary>
    private static int RankInProvince(Dictionary<string, JsonElement> ranking, string[] province, string city)
    {
        decimal index = ranking[city].GetProperty("comprehensiveIndex").GetDecimal();
        return 1 + province.Count(c => ranking[c].GetProperty("comprehensiveIndex").GetDecimal() < index);
    }

    private async Task<HttpStatusCode> PostAsCookieAsync(string cookie, string region)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri("/api/v1/reports", UriKind.Relative))
        {
            Content = new StringContent($$"""{"kind":"daily-bulletin","region":"{{region}}","period":"2019-12-20"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cookie", cookie);
        using HttpResponseMessage response = await Api.Client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private async Task<JsonElement[]> GenerateAsync(string kind, string region, string period)
    {
        using HttpResponseMessage response = await Api.SendJsonAsync(HttpMethod.Post, "/api/v1/reports",
            $$"""{"kind":"{{kind}}","region":"{{region}}","period":"{{period}}"}""", Api.StaffKey);
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
