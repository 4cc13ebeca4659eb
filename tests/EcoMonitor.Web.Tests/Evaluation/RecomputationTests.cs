using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>
/// Values imported over HTTP are evaluated in the background, and a revised (back-filled or corrected) value
/// recomputes the hour, the day and the city.
/// </summary>
[Trait("Area", "Standards")]
public sealed class RecomputationTests : IDisposable
{
    private readonly ApiFactory _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task RevisedValue_RecomputesStationHourDayAndCity()
    {
        await ImportDayAsync(pm25: 30m);
        JsonElement hour = await WaitForAsync("/api/v1/stations/1119A/aqi?interval=hour&from=2026-03-01T10:00:00%2B08:00&to=2026-03-01T11:00:00%2B08:00",
            h => h.GetArrayLength() == 1);
        Assert.Equal(43, hour[0].GetProperty("aqi").GetInt32());

        await ImportAsync("1119A,a34004,hour,2026-03-01T10:00:00+08:00,80\n");

        JsonElement revised = await WaitForAsync("/api/v1/stations/1119A/aqi?interval=hour&from=2026-03-01T10:00:00%2B08:00&to=2026-03-01T11:00:00%2B08:00",
            h => h[0].GetProperty("aqi").GetInt32() != 43);
        // HJ 633-2012: IAQI (150 − 100) / (115 − 75) × (80 − 75) + 100 = 106.25, rounded up to 107.
        Assert.Equal(107, revised[0].GetProperty("aqi").GetInt32());
        Assert.Equal(["PM2.5"], revised[0].GetProperty("primary").EnumerateArray().Select(p => p.GetString()));
        // 24-h mean (23 × 30 + 80) / 24 = 32.08 → 32 (GB/T 8170); IAQI 32 × 50 / 35 = 45.7 → 46.
        JsonElement day = await WaitForAsync("/api/v1/stations/1119A/aqi?interval=day&from=2026-03-01&to=2026-03-02",
            d => d.GetArrayLength() == 1 && d[0].GetProperty("pm25").GetDecimal() == 32m);
        Assert.Equal(46, day[0].GetProperty("aqi").GetInt32());
        JsonElement city = await WaitForAsync("/api/v1/regions/220100/aqi?interval=day&from=2026-03-01&to=2026-03-02",
            d => d.GetArrayLength() == 1 && d[0].GetProperty("pm25").ValueKind == JsonValueKind.Number && d[0].GetProperty("pm25").GetDecimal() == 32m);
        Assert.False(city[0].GetProperty("isValid").GetBoolean());
    }

    private async Task ImportDayAsync(decimal pm25)
    {
        var csv = new StringBuilder();
        for (int h = 0; h < 24; h++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"1119A,a34004,hour,2026-03-01T{h:D2}:00:00+08:00,{pm25}\n");
        }

        await ImportAsync(csv.ToString());
    }

    private async Task ImportAsync(string rows)
    {
        using HttpResponseMessage response = await _api.ImportAsync("station,parameter,interval,period_start,value\n" + rows, "text/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> isDone)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            JsonElement result = await _api.GetJsonAsync(path);
            if (isDone(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
