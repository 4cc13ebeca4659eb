using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using EcoMonitor.Application.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using static EcoMonitor.Web.Tests.Reports.ReportFiles;

namespace EcoMonitor.Web.Tests.Reports;

/// <summary>Regeneration after revisions: the schedule archives version 2 of a report whose data were revised, version 1 kept.</summary>
public sealed partial class ReportApiTests
{
    private const string Guizhou = "520000";
    private const string Guiyang = "520100";

    [Fact]
    public async Task RevisedDayInAnArchivedMonth_TheScheduleArchivesVersion2WithTheNewNumbers_AndKeepsVersion1()
    {
        JsonElement[] first = await GenerateAsync("monthly-air", Guizhou, "2019-12");
        Assert.All(first, r => Assert.Equal(1, r.GetProperty("version").GetInt32()));
        decimal before = await Pm25Async();
        Assert.Equal(before, XlsxPm25(await DownloadAsync(first[1])));

        // Late, revised hourly values (补传) of one of 贵阳's national stations for one day of the month.
        var csv = new StringBuilder("station,parameter,interval,period_start,value\n");
        for (int hour = 0; hour < 24; hour++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"1439A,a34004,hour,2019-12-20T{hour:00}:00:00+08:00,{240 + (hour * 7 % 30)}\n");
        }

        using (HttpResponseMessage imported = await Api.ImportAsync(csv.ToString(), "text/csv"))
        {
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync(Ct));
        }

        await Api.WaitForJsonAsync($"/api/v1/regions/{Guiyang}/statistics?period=2019-12", s => Pm25Of(s) != before, seconds: 120);
        decimal after = await Pm25Async();

        IScheduledJob schedule = Api.Services.GetServices<IScheduledJob>().Single(j => j.Schedule.Name == "reports.schedule");
        await schedule.RunAsync(Ct);

        JsonElement[] versions = [.. (await Api.GetJsonAsync($"/api/v1/reports?region={Guizhou}&kind=monthly-air&period=2019-12")).EnumerateArray()];
        Assert.Equal(6, versions.Length);
        foreach (string format in new[] { "docx", "xlsx", "pdf" })
        {
            Assert.Equal([2, 1], versions.Where(v => v.GetProperty("format").GetString() == format).Select(v => v.GetProperty("version").GetInt32()));
        }

        JsonElement xlsx2 = versions.First(v => v.GetProperty("format").GetString() == "xlsx" && v.GetProperty("version").GetInt32() == 2);
        Assert.Equal("system:schedule", xlsx2.GetProperty("generatedBy").GetString());
        Assert.Equal(after, XlsxPm25(await DownloadAsync(xlsx2)));
        Assert.Equal(before, XlsxPm25(await DownloadAsync(first[1])));

        // Nothing changed since: a second run adds nothing.
        await schedule.RunAsync(Ct);
        Assert.Equal(6, (await Api.GetJsonAsync($"/api/v1/reports?region={Guizhou}&kind=monthly-air&period=2019-12")).GetArrayLength());
        using HttpResponseMessage old = await Api.GetAsync($"/api/v1/reports/{first[2].GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    private async Task<decimal> Pm25Async() => Pm25Of(await Api.GetJsonAsync($"/api/v1/regions/{Guiyang}/statistics?period=2019-12"));

    private static decimal Pm25Of(JsonElement statistics) =>
        statistics.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("pollutant").GetString() == "PM2.5").GetProperty("mean").GetDecimal();

    private static decimal XlsxPm25(byte[] xlsx) =>
        Convert.ToDecimal(XlsxSheet(xlsx, "表2 六项污染物").Single(r => (string)r["代码"] == Guiyang)["PM2.5"], CultureInfo.InvariantCulture);
}
