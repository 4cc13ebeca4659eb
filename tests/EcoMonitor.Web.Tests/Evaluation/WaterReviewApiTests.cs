using System.Net;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>
/// Water evaluation passes values through the same quality gate as air (StationValidity): a reviewer who marks a
/// section's value invalid changes the day's class (recomputed in the background) and the hour's items; a reviewer who
/// confirms a value flagged for maintenance makes it count.
/// </summary>
[Trait("Area", "Standards")]
public sealed class WaterReviewApiTests : IAsyncLifetime
{
    private const string Day = "from=2026-02-04&to=2026-02-05";

    // River section, target III. NH3-N 0.3 at 08:00 and 4.3 at 12:00: mean 2.3 mg/L > 2.0 → 劣V (GB 3838-2002 Table 1
    // item 7). Without the 12:00 value the day is class II (NH3-N 0.3 ≤ 0.5, CODMn 3 ≤ 4, TP 0.04 ≤ 0.1, DO 8 ≥ 7.5).
    // TP 0.5 at 16:00 flagged M (maintenance) is left out until a reviewer confirms it: then TP mean 0.27 > 0.2 → IV.
    private const string Rows = """
        station,parameter,interval,period_start,value,flag
        SWREV1,w01001,hour,2026-02-04 08:00,7.5,N
        SWREV1,w01009,hour,2026-02-04 08:00,8.0,N
        SWREV1,w01019,hour,2026-02-04 08:00,3.0,N
        SWREV1,w21003,hour,2026-02-04 08:00,0.3,N
        SWREV1,w21011,hour,2026-02-04 08:00,0.04,N
        SWREV1,w21003,hour,2026-02-04 12:00,4.3,N
        SWREV1,w21011,hour,2026-02-04 16:00,0.5,M
        """;

    private readonly ApiFactory _api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using HttpResponseMessage registered = await _api.RegisterStationAsync("""
            {"mn":"SWREV1","name":"测试审核断面","type":"surfaceWater","waterTargetClass":"III","region":"520100","password":"123456"}
            """);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using HttpResponseMessage imported = await _api.ImportAsync(Rows, "text/csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task ReviewerInvalidatesAValue_DayClassImproves_AndTheHourLosesTheItem()
    {
        JsonElement before = await WaitForDayAsync(d => d.GetProperty("class").GetInt32() == 6);
        Assert.Equal(2.3m, Item(before, "w21003").GetProperty("value").GetDecimal());
        Assert.Equal(0.04m, Item(before, "w21011").GetProperty("value").GetDecimal());

        await DecideAsync("""
            {"station":"SWREV1","parameter":"w21003","from":"2026-02-04T12:00:00+08:00","to":"2026-02-04T13:00:00+08:00","verdict":"invalid","reason":"external-event","comment":"sampling pump drew sediment"}
            """);

        JsonElement after = await WaitForDayAsync(d => d.GetProperty("class").GetInt32() == 2);
        Assert.Equal(2, after.GetProperty("class").GetInt32());
        Assert.True(after.GetProperty("meetsTarget").GetBoolean());
        JsonElement nh3n = Item(after, "w21003");
        Assert.Equal(0.3m, nh3n.GetProperty("value").GetDecimal());
        Assert.Equal(1, nh3n.GetProperty("values").GetInt32());
        JsonElement hours = await _api.GetJsonAsync($"/api/v1/stations/SWREV1/water?interval=hour&{Day}");
        Assert.Equal(["2026-02-04T08:00:00+08:00"], hours.EnumerateArray().Select(h => h.GetProperty("period").GetString()));
    }

    [Fact]
    public async Task ReviewerConfirmsAFlaggedValue_ItCountsInTheDay()
    {
        await WaitForDayAsync(d => d.GetProperty("class").GetInt32() == 6);

        await DecideAsync("""
            {"station":"SWREV1","parameter":"w21011","from":"2026-02-04T16:00:00+08:00","to":"2026-02-04T17:00:00+08:00","verdict":"valid","reason":"confirmed","comment":"maintenance flag sent by mistake"}
            """);

        JsonElement after = await WaitForDayAsync(d => Item(d, "w21011").GetProperty("values").GetInt32() == 2);
        JsonElement tp = Item(after, "w21011");
        Assert.Equal(0.27m, tp.GetProperty("value").GetDecimal());
        Assert.Equal(4, tp.GetProperty("class").GetInt32());
        JsonElement hours = await _api.GetJsonAsync($"/api/v1/stations/SWREV1/water?interval=hour&{Day}");
        Assert.Contains(hours.EnumerateArray(), h => h.GetProperty("period").GetString() == "2026-02-04T16:00:00+08:00");
    }

    private static JsonElement Item(JsonElement assessment, string parameter) =>
        assessment.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("parameter").GetString() == parameter);

    private async Task DecideAsync(string decision)
    {
        using HttpResponseMessage decided = await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/review/decisions", decision);
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
    }

    private async Task<JsonElement> WaitForDayAsync(Func<JsonElement, bool> isDone)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            JsonElement days = await _api.GetJsonAsync($"/api/v1/stations/SWREV1/water?interval=day&{Day}");
            if (days.GetArrayLength() == 1 && (isDone(days[0]) || DateTime.UtcNow > deadline))
            {
                return days[0];
            }

            Assert.True(DateTime.UtcNow <= deadline, $"no day after 30 s: {days}");
            await Task.Delay(100, Ct);
        }
    }
}
