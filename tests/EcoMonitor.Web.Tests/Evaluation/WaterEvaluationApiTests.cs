using System.Net;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>
/// Water classes wired into the platform: values imported over HTTP are classed per value (hour), the section day is
/// recomputed in the background and stored, months are assessed from the days, lakes and rivers are told apart
/// (GB 3838-2002 Table 1 item 9), flagged values are left out, and the class is compared with the target class.
/// </summary>
[Trait("Area", "Standards")]
public sealed class WaterEvaluationApiTests : IAsyncLifetime
{
    private const string Day = "from=2026-02-04&to=2026-02-05";

    // Two hours of a lake point and of a river section: the same values. TP mean 0.06 mg/L is class IV in a lake
    // (0.05 < 0.06 ≤ 0.1) and class II in a river (0.02 < 0.06 ≤ 0.1); the NH3-N value flagged D (fault) is left out.
    private const string Rows = """
        station,parameter,interval,period_start,value,flag
        MN,w01001,hour,2026-02-04 08:00,7.5,N
        MN,w01009,hour,2026-02-04 08:00,8.0,N
        MN,w01019,hour,2026-02-04 08:00,3.0,N
        MN,w21003,hour,2026-02-04 08:00,0.3,N
        MN,w21011,hour,2026-02-04 08:00,0.04,N
        MN,w21001,hour,2026-02-04 08:00,1.2,N
        MN,w21003,hour,2026-02-04 12:00,5.0,D
        MN,w21011,hour,2026-02-04 12:00,0.08,N
        """;

    private readonly ApiFactory _api = new();

    public async ValueTask InitializeAsync()
    {
        using HttpResponseMessage registered = await _api.RegisterStationAsync("""
            {"mn":"SWLAKE1","name":"测试湖心","type":"surfaceWater","waterBody":"lake","waterTargetClass":"III","region":"520100","password":"123456"}
            """);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        foreach (string mn in new[] { "SWLAKE1", "SW2202" })
        {
            using HttpResponseMessage imported = await _api.ImportAsync(Rows.Replace("MN,", mn + ",", StringComparison.Ordinal), "text/csv");
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task LakeDay_IsClassedWithLakeLimits_AgainstItsTarget()
    {
        JsonElement day = Assert.Single((await WaitForDayAsync("SWLAKE1")).EnumerateArray());

        Assert.Equal("2026-02-04", day.GetProperty("period").GetString());
        Assert.Equal(4, day.GetProperty("class").GetInt32());
        Assert.Equal("IV", day.GetProperty("className").GetString());
        Assert.Equal("轻度污染", day.GetProperty("quality").GetString());
        Assert.False(day.GetProperty("meetsTarget").GetBoolean());
        Assert.Equal(["TP"], day.GetProperty("mainPollutants").EnumerateArray().Select(p => p.GetString()));
        JsonElement tp = Item(day, "w21011");
        Assert.Equal(0.06m, tp.GetProperty("value").GetDecimal());
        Assert.Equal(2, tp.GetProperty("values").GetInt32());
        Assert.Equal(0.2m, tp.GetProperty("exceedMultiple").GetDecimal());
        JsonElement nh3n = Item(day, "w21003");
        Assert.Equal(0.3m, nh3n.GetProperty("value").GetDecimal());
        Assert.Equal(1, nh3n.GetProperty("values").GetInt32());
        JsonElement tn = Item(day, "w21001");
        Assert.True(tn.GetProperty("isSeparate").GetBoolean());
        Assert.Equal(4, tn.GetProperty("class").GetInt32());
    }

    [Fact]
    public async Task RiverDay_SameValues_IsClassII()
    {
        JsonElement day = Assert.Single((await WaitForDayAsync("SW2202")).EnumerateArray());

        Assert.Equal(2, day.GetProperty("class").GetInt32());
        Assert.Empty(day.GetProperty("mainPollutants").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, day.GetProperty("meetsTarget").ValueKind);
    }

    [Fact]
    public async Task Hours_ClassEachValidValue()
    {
        JsonElement hours = await _api.GetJsonAsync($"/api/v1/stations/SWLAKE1/water?interval=hour&{Day}");

        Assert.Equal(["2026-02-04T08:00:00+08:00", "2026-02-04T12:00:00+08:00"], hours.EnumerateArray().Select(h => h.GetProperty("period").GetString()));
        Assert.Equal(3, Item(hours[0], "w21011").GetProperty("class").GetInt32());
        Assert.Equal(3, hours[0].GetProperty("class").GetInt32());
        Assert.Equal(4, hours[1].GetProperty("class").GetInt32());
        Assert.DoesNotContain(hours[1].GetProperty("items").EnumerateArray(), i => i.GetProperty("parameter").GetString() == "w21003");
    }

    [Fact]
    public async Task Month_AndEverySection_ShowTheDay()
    {
        await WaitForDayAsync("SWLAKE1");

        JsonElement month = Assert.Single((await _api.GetJsonAsync("/api/v1/stations/SWLAKE1/water?interval=month&from=2026-02-01&to=2026-03-01")).EnumerateArray());
        JsonElement sections = await _api.GetJsonAsync("/api/v1/water/sections?day=2026-02-10");

        Assert.Equal("2026-02", month.GetProperty("period").GetString());
        Assert.Equal(4, month.GetProperty("class").GetInt32());
        JsonElement lake = sections.EnumerateArray().Single(s => s.GetProperty("station").GetProperty("mn").GetString() == "SWLAKE1");
        Assert.Equal("lake", lake.GetProperty("station").GetProperty("waterBody").GetString());
        Assert.Equal("2026-02-04", lake.GetProperty("latest").GetProperty("period").GetString());
        Assert.Equal(20, sections.EnumerateArray().Count(s => s.GetProperty("station").GetProperty("mn").GetString()!.StartsWith("SW", StringComparison.Ordinal)) - 1);
    }

    [Fact]
    public async Task AirStation_IsRefusedWithAReason()
    {
        using HttpResponseMessage response = await _api.GetAsync("/api/v1/stations/1119A/water");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("surface-water", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static JsonElement Item(JsonElement assessment, string parameter) =>
        assessment.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("parameter").GetString() == parameter);

    private async Task<JsonElement> WaitForDayAsync(string mn)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            JsonElement days = await _api.GetJsonAsync($"/api/v1/stations/{mn}/water?interval=day&{Day}");
            if (days.GetArrayLength() > 0 || DateTime.UtcNow > deadline)
            {
                return days;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
