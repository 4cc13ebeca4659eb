using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>
/// Assessment networks end to end (ADR 0037) through the real host and its SQLite store: in 昆明 (530100, no sample
/// station) two national stations make the official city and county figures; a micro-station and a background site
/// with values far above theirs leave the official AQI, statistics and ranking unchanged and appear only in their
/// networks' figures; the micro-station made national through the registry changes the official figures once the
/// durable background work has recomputed the region-days, and made a sensor again restores them.
/// </summary>
[Trait("Area", "Reports")]
public sealed class AssessmentNetworkApiTests
{
    private const string City = "530100";
    private const string County = "530102";
    private const string Day = "period=2019-12-20";
    private const string HourQuery = "interval=hour&from=2019-12-20T10:00:00%2B08:00&to=2019-12-20T11:00:00%2B08:00";

    [Fact]
    public async Task SensorAndBackgroundSites_NeverChangeTheOfficialFigures_ANationalStationDoes()
    {
        await using var api = ApiFactory.With(new Dictionary<string, string?>
        {
            // A network change is recomputed by the evaluation's sweep of the store (ADR 0027): take it at once.
            ["Work:SweepGrace"] = "00:00:00",
            ["Work:SweepInterval"] = "00:00:01",
            ["RateLimits:CacheDuration"] = "00:00:00",
        });
        await RegisterAsync(api, "NETA0001", """["national"]""");
        await RegisterAsync(api, "NETB0001", """["national"]""");
        await RegisterAsync(api, "NETS0001", """["sensor"]""");
        await RegisterAsync(api, "NETG0001", """["background"]""");
        await ImportDayAsync(api);

        // Hour 10: PM2.5 40 and 60 at the national stations, 310 at the sensor, 290 at the background site.
        JsonElement hour = await api.WaitForJsonAsync($"/api/v1/regions/{City}/aqi?{HourQuery}", h => h.GetArrayLength() == 1);
        Assert.Equal(50m, Pm25(hour));
        Assert.Equal(50m, Pm25(await api.GetJsonAsync($"/api/v1/regions/{County}/aqi?{HourQuery}")));
        Assert.Equal(310m, Pm25(await api.GetJsonAsync($"/api/v1/regions/{City}/aqi?{HourQuery}&network=sensor")));
        Assert.Equal(290m, Pm25(await api.GetJsonAsync($"/api/v1/regions/{City}/aqi?{HourQuery}&network=background")));
        JsonElement official = await api.WaitForJsonAsync($"/api/v1/regions/{City}/statistics?{Day}", s => s.GetProperty("validDays").GetInt32() == 1);
        JsonElement national = await api.GetJsonAsync($"/api/v1/regions/{City}/statistics?{Day}&network=national");
        Assert.Equal(Items(national), Items(official));
        Assert.Equal(Items(national), Items(await api.GetJsonAsync($"/api/v1/regions/{City}/statistics?{Day}&network=national&dust=excluded")));
        decimal officialIndex = await RankedIndexAsync(api);
        Assert.Equal(official.GetProperty("comprehensiveIndex").GetDecimal(), officialIndex);

        await RegisterAsync(api, "NETS0001", """["national", "sensor"]""");

        // (40 + 60 + 310) / 3 = 136.67 → 137 (GB/T 8170), once the stored region-days are recomputed.
        hour = await api.WaitForJsonAsync($"/api/v1/regions/{City}/aqi?{HourQuery}", h => Pm25(h) != 50m);
        Assert.Equal(137m, Pm25(hour));
        Assert.Equal(137m, Pm25(await api.GetJsonAsync($"/api/v1/regions/{County}/aqi?{HourQuery}")));
        JsonElement withSensor = await api.GetJsonAsync($"/api/v1/regions/{City}/statistics?{Day}");
        Assert.True(withSensor.GetProperty("comprehensiveIndex").GetDecimal() > officialIndex);
        Assert.True(await RankedIndexAsync(api) > officialIndex);

        await RegisterAsync(api, "NETS0001", """["sensor"]""");

        hour = await api.WaitForJsonAsync($"/api/v1/regions/{City}/aqi?{HourQuery}", h => Pm25(h) == 50m);
        Assert.Equal(50m, Pm25(hour));
        Assert.Equal(officialIndex, await RankedIndexAsync(api));
        Assert.Equal(Items(official), Items(await api.GetJsonAsync($"/api/v1/regions/{City}/statistics?{Day}")));
        // The national network no longer holds the sensor: no figure of it is left behind.
        Assert.Equal(50m, Pm25(await api.GetJsonAsync($"/api/v1/regions/{City}/aqi?{HourQuery}&network=national")));
    }

    [Fact]
    public async Task UnknownNetwork_IsAnInvalidParameter()
    {
        await using ApiFactory api = new();

        using HttpResponseMessage response = await api.GetAsync("/api/v1/regions/510100/aqi?network=satellite");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("satellite", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static decimal Pm25(JsonElement hours) => Assert.Single(hours.EnumerateArray()).GetProperty("pm25").GetDecimal();

    private static string Items(JsonElement statistics) => statistics.GetProperty("items").GetRawText();

    private static async Task<decimal> RankedIndexAsync(ApiFactory api)
    {
        JsonElement ranking = await api.GetJsonAsync($"/api/v1/rankings/cities?{Day}");
        return Assert.Single(ranking.EnumerateArray(), r => r.GetProperty("city").GetString() == City).GetProperty("comprehensiveIndex").GetDecimal();
    }

    private static async Task RegisterAsync(ApiFactory api, string mn, string networks)
    {
        using HttpResponseMessage response = await api.RegisterStationAsync($$"""
            {"mn": "{{mn}}", "name": "网络测试{{mn}}", "type": "airQuality", "region": "{{County}}", "controlLevel": "national",
             "networks": {{networks}}, "password": "P{{mn}}"}
            """);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>24 hours of the six pollutants; PM2.5 and PM10 far higher at the sensor (S) and background (G) sites.</summary>
    private static async Task ImportDayAsync(ApiFactory api)
    {
        var csv = new StringBuilder("station,parameter,interval,period_start,value,flag\n");
        foreach ((string mn, int pm25) in new[] { ("NETA0001", 30), ("NETB0001", 50), ("NETS0001", 300), ("NETG0001", 280) })
        {
            for (int h = 0; h < 24; h++)
            {
                string at = $"2019-12-20T{h:D2}:00:00+08:00";
                foreach ((string code, decimal value) in new[]
                {
                    ("a34004", pm25 + h), ("a34002", pm25 + 40 + h), ("a21026", 8 + (h % 3)), ("a21004", 30 + h),
                    ("a21005", 0.8m + (0.1m * (h % 3))), ("a05024", 40 + (2 * h)),
                })
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{mn},{code},hour,{at},{value},N\n");
                }
            }
        }

        using HttpResponseMessage imported = await api.ImportAsync(csv.ToString(), "text/csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }
}
