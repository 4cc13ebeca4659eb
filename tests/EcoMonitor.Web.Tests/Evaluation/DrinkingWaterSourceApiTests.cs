using System.Net;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>
/// Drinking-water sources (集中式生活饮用水地表水源地) registered over HTTP: their days and hours report the GB 3838-2002
/// Table 2 supplementary items against their limits (sulfate 250, chloride 250, nitrate 10, Fe 0.3, Mn 0.1 mg/L) with
/// exceedance multiples, without changing the section's class; other sections with the same values do not.
/// </summary>
[Trait("Area", "Standards")]
public sealed class DrinkingWaterSourceApiTests : IAsyncLifetime
{
    private const string Day = "from=2026-02-04&to=2026-02-05";

    // Table 1 items all class II for a reservoir (TP 0.02 ≤ 0.025 lake limit). Table 2: sulfate 300 → (300 − 250) / 250
    // = 0.2; Fe (0.45 + 0.3) / 2 = 0.375 → 0.25; Mn 0.1 equals its limit (complies); chloride 100, nitrate 8 comply.
    private const string Rows = """
        station,parameter,interval,period_start,value,flag
        MN,w01001,hour,2026-02-04 08:00,7.6,N
        MN,w01009,hour,2026-02-04 08:00,7.0,N
        MN,w01019,hour,2026-02-04 08:00,3.5,N
        MN,w21003,hour,2026-02-04 08:00,0.4,N
        MN,w21011,hour,2026-02-04 08:00,0.02,N
        MN,w21038,hour,2026-02-04 08:00,300,N
        MN,w21022,hour,2026-02-04 08:00,100,N
        MN,w21007,hour,2026-02-04 08:00,8,N
        MN,w20125,hour,2026-02-04 08:00,0.45,N
        MN,w20124,hour,2026-02-04 08:00,0.1,N
        MN,w20125,hour,2026-02-04 12:00,0.3,N
        """;

    private readonly ApiFactory _api = new();

    public async ValueTask InitializeAsync()
    {
        foreach ((string mn, bool isSource) in new[] { ("SWSRC1", true), ("SWSRC2", false) })
        {
            using HttpResponseMessage registered = await _api.RegisterStationAsync($$"""
                {"mn":"{{mn}}","name":"测试水源地","type":"surfaceWater","waterBody":"reservoir","waterTargetClass":"II","drinkingWaterSource":{{(isSource ? "true" : "false")}},"region":"520100","password":"123456"}
                """);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            using HttpResponseMessage imported = await _api.ImportAsync(Rows.Replace("MN,", mn + ",", StringComparison.Ordinal), "text/csv");
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task SourceDay_ReportsTable2ItemsAboveTheirLimits_ClassUnchanged()
    {
        JsonElement day = await WaitForDayAsync("SWSRC1");

        Assert.Equal(2, day.GetProperty("class").GetInt32());
        Assert.True(day.GetProperty("meetsTarget").GetBoolean());
        Assert.Equal(["Fe", "Sulfate"], day.GetProperty("drinkingSourceExceeding").EnumerateArray().Select(i => i.GetString()));
        JsonElement[] items = [.. day.GetProperty("drinkingSourceItems").EnumerateArray()];
        Assert.Equal(["w20124", "w20125", "w21007", "w21022", "w21038"], items.Select(i => i.GetProperty("parameter").GetString()));
        JsonElement fe = items[1];
        Assert.Equal(0.375m, fe.GetProperty("value").GetDecimal());
        Assert.Equal(2, fe.GetProperty("values").GetInt32());
        Assert.Equal(0.3m, fe.GetProperty("limit").GetDecimal());
        Assert.Equal(0.25m, fe.GetProperty("exceedMultiple").GetDecimal());
        Assert.Equal(0.2m, items[4].GetProperty("exceedMultiple").GetDecimal());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("exceedMultiple").ValueKind);
        Assert.DoesNotContain(day.GetProperty("items").EnumerateArray(), i => i.GetProperty("parameter").GetString() == "w21038");
    }

    [Fact]
    public async Task SourceHour_AndStation_ShowTheSource()
    {
        JsonElement hours = await _api.GetJsonAsync($"/api/v1/stations/SWSRC1/water?interval=hour&{Day}");
        JsonElement station = await _api.GetJsonAsync("/api/v1/stations/SWSRC1");

        Assert.Equal(["Fe", "Sulfate"], hours[0].GetProperty("drinkingSourceExceeding").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(0.5m, hours[0].GetProperty("drinkingSourceItems").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "Fe").GetProperty("exceedMultiple").GetDecimal());
        Assert.Empty(hours[1].GetProperty("drinkingSourceExceeding").EnumerateArray());
        Assert.True(station.GetProperty("drinkingWaterSource").GetBoolean());
    }

    [Fact]
    public async Task OtherSection_SameValues_HasNoTable2Report()
    {
        JsonElement day = await WaitForDayAsync("SWSRC2");

        Assert.Equal(2, day.GetProperty("class").GetInt32());
        Assert.Equal(JsonValueKind.Null, day.GetProperty("drinkingSourceItems").ValueKind);
        Assert.Equal(JsonValueKind.Null, day.GetProperty("drinkingSourceExceeding").ValueKind);
    }

    [Fact]
    public async Task AirStation_AsDrinkingWaterSource_IsRefusedWithAReason()
    {
        using HttpResponseMessage response = await _api.RegisterStationAsync("""
            {"mn":"AIRSRC1","name":"x","type":"airQuality","drinkingWaterSource":true,"region":"520100","password":"123456"}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("only surface-water sections can be drinking-water sources", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task<JsonElement> WaitForDayAsync(string mn)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            JsonElement days = await _api.GetJsonAsync($"/api/v1/stations/{mn}/water?interval=day&{Day}");
            if (days.GetArrayLength() > 0)
            {
                return days[0];
            }

            Assert.True(DateTime.UtcNow <= deadline, $"no day for {mn} after 30 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
