using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Quality;

/// <summary>
/// Values imported over HTTP are checked in the background; findings are stored with the values and served per station;
/// invalid values are kept but left out of the air-quality evaluation, which says how many it left out and why.
/// </summary>
[Trait("Area", "Quality")]
public sealed class QualityApiTests : IClassFixture<ApiFactory>
{
    private const string Range = "from=2026-03-02&to=2026-03-03";
    private readonly ApiFactory _api;

    public QualityApiTests(ApiFactory api) => _api = api;

    [Fact]
    public async Task ImportedFaults_AreFound_Kept_AndExcludedFromEvaluation()
    {
        var csv = new StringBuilder("station,parameter,interval,period_start,value,flag\n");
        for (int h = 0; h < 24; h++)
        {
            (decimal value, string flag) = h switch
            {
                5 => (500m, "D"),      // instrument fault: invalid
                7 => (1500m, "N"),     // above the plausible maximum: invalid
                9 => (31m, "S"),       // set manually: kept, marked
                _ => (20m + h, "N"),
            };
            csv.Append(CultureInfo.InvariantCulture, $"1431A,a34004,hour,2026-03-02T{h:D2}:00:00+08:00,{value},{flag}\n");
        }

        using (HttpResponseMessage imported = await _api.ImportAsync(csv.ToString(), "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        JsonElement quality = await WaitForAsync($"/api/v1/stations/1431A/quality?{Range}",
            q => q.GetProperty("findings").GetArrayLength() >= 3 && q.GetProperty("exclusions").GetArrayLength() == 1);

        JsonElement[] findings = [.. quality.GetProperty("findings").EnumerateArray()];
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "flag.invalid" && f.GetProperty("periodStart").GetString() == "2026-03-02T05:00:00+08:00" && f.GetProperty("severity").GetString() == "invalid");
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "range.physical" && f.GetProperty("reason").GetString()!.Contains("1500", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "flag.manual" && f.GetProperty("severity").GetString() == "marked");
        JsonElement exclusion = quality.GetProperty("exclusions")[0];
        Assert.Equal("2026-03-02", exclusion.GetProperty("day").GetString());
        Assert.Equal(2, exclusion.GetProperty("excluded").GetInt32());
        Assert.Equal(1, exclusion.GetProperty("byRule").GetProperty("flag.invalid").GetInt32());
        Assert.Equal(1, exclusion.GetProperty("byRule").GetProperty("range.physical").GetInt32());

        // Kept: the raw series still has all 24 values, the faulty ones unchanged.
        JsonElement raw = await _api.ObservationsAsync("1431A", $"parameters=a34004&{Range}");
        Assert.Equal(24, raw.GetArrayLength());
        // Excluded: the 22 valid values (20+h for 21 hours, 31 at 09:00) average 32.09 → 32 µg/m³ (GB/T 8170);
        // with the faulty two it would be 110.
        JsonElement day = await _api.GetJsonAsync($"/api/v1/stations/1431A/aqi?interval=day&{Range}");
        Assert.Equal(32m, day[0].GetProperty("pm25").GetDecimal());
        JsonElement invalidOnly = await _api.StaffJsonAsync($"/api/v1/stations/1431A/quality?{Range}&minimum=invalid");
        Assert.Equal(2, invalidOnly.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task BadMinimum_IsExplained()
    {
        using HttpResponseMessage response = await _api.GetAsync($"/api/v1/stations/1431A/quality?{Range}&minimum=fatal", ApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not marked, suspect or invalid", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> isDone) => _api.WaitForJsonAsync(path, isDone, key: _api.StaffKey);
}
