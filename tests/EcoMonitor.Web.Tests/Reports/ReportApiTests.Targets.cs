using System.Globalization;
using System.Net;
using System.Text.Json;
using static EcoMonitor.Web.Tests.Reports.ReportFiles;

namespace EcoMonitor.Web.Tests.Reports;

/// <summary>The monthly report's section 目标完成情况: its numbers are the progress endpoint's.</summary>
public sealed partial class ReportApiTests
{
    [Fact]
    public async Task MonthlyCityReport_WithTargets_ShowsTheProgressEndpointsNumbers_InDocxAndXlsx()
    {
        const string City = "220100";
        using HttpResponseMessage set = await Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/targets/{City}/2019", """{"pm25":45,"goodDayRatio":80,"heavyPollutionDays":10}""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        JsonElement progress = await Api.GetJsonAsync($"/api/v1/regions/{City}/targets/2019/progress");
        JsonElement[] measures = [.. progress.GetProperty("measures").EnumerateArray()];
        Assert.Equal(3, measures.Length);
        Assert.All(measures, m => Assert.Equal(JsonValueKind.Number, m.GetProperty("toDate").ValueKind));

        JsonElement[] stored = await GenerateAsync("monthly-air", City, "2019-12");

        List<string[]> docx = DocxTable(await DownloadAsync(stored[0]), "表6");
        List<IDictionary<string, object>> xlsx = XlsxSheet(await DownloadAsync(stored[1]), "表6 目标完成情况");
        Assert.Equal(measures.Length, docx.Count);
        Assert.Equal(measures.Length, xlsx.Count);
        for (int i = 0; i < measures.Length; i++)
        {
            JsonElement m = measures[i];
            string onTrack = m.GetProperty("onTrack").GetBoolean() ? "是" : "否";
            Assert.Equal(
                (m.GetProperty("target").GetDecimal(), m.GetProperty("toDate").GetDecimal(), m.GetProperty("projection").GetDecimal(), onTrack),
                (Number(docx[i][1]), Number(docx[i][2]), Number(docx[i][3]), docx[i][4]));
            Assert.Equal(
                (m.GetProperty("toDate").GetDecimal(), m.GetProperty("projection").GetDecimal(), onTrack),
                (Convert.ToDecimal(xlsx[i]["截至目前"], CultureInfo.InvariantCulture), Convert.ToDecimal(xlsx[i]["年末预测"], CultureInfo.InvariantCulture), (string)xlsx[i]["预计完成"]));
        }
    }

    private static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
