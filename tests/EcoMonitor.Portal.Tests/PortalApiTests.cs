using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EcoMonitor.Portal.Tests;

/// <summary>The API endpoints the portal and console pages use, over HTTP.</summary>
[Trait("Area", "Portal")]
public sealed class PortalApiTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CurrentStations_GivesEachAirStationItsLatestHour_AndNullsWithoutData()
    {
        JsonElement stations = await portal.Server.GetJsonAsync("/api/v1/aqi/current/stations", Ct);
        JsonElement first = stations.EnumerateArray().Single(s => s.GetProperty("mn").GetString() == portal.DataStations[0]);
        JsonElement lastHour = (await portal.Server.GetJsonAsync($"/api/v1/stations/{portal.DataStations[0]}/aqi?from=2019-12-20&to=2019-12-21", Ct)).EnumerateArray().Last();

        Assert.Equal("2019-12-20T23:00:00+08:00", first.GetProperty("hourStart").GetString());
        Assert.Equal(lastHour.GetProperty("aqi").GetInt32(), first.GetProperty("aqi").GetInt32());
        Assert.DoesNotContain(stations.EnumerateArray(), s => s.GetProperty("mn").GetString()!.StartsWith("SW", StringComparison.Ordinal));
        Assert.Contains(stations.EnumerateArray(), s => s.GetProperty("aqi").ValueKind == JsonValueKind.Null && s.GetProperty("hourStart").ValueKind == JsonValueKind.Null);

        JsonElement before = await portal.Server.GetJsonAsync("/api/v1/aqi/current/stations?before=2019-12-20T12:00:00%2B08:00", Ct);
        Assert.Equal("2019-12-20T11:00:00+08:00", before.EnumerateArray().Single(s => s.GetProperty("mn").GetString() == portal.DataStations[0]).GetProperty("hourStart").GetString());
    }

    [Fact]
    public async Task CurrentCities_AreRankedByAqiAscending_WithPrimaryPollutant()
    {
        JsonElement[] cities = [.. (await portal.Server.GetJsonAsync("/api/v1/aqi/current/cities", Ct)).EnumerateArray()];

        Assert.NotEmpty(cities);
        int[] aqis = [.. cities.Select(c => c.GetProperty("aqi").GetInt32())];
        Assert.Equal(aqis.Order(), aqis);
        Assert.Equal(1, cities[0].GetProperty("rank").GetInt32());
        Assert.All(cities.Where(c => c.GetProperty("aqi").GetInt32() > 50), c => Assert.Equal("PM2.5", c.GetProperty("primary")[0].GetString()));
    }

    [Fact]
    public async Task Levels_AreTheSixRowsOfHj633WithAppendixAColours()
    {
        JsonElement levels = await portal.Server.GetJsonAsync("/api/v1/aqi/levels", Ct);

        Assert.Equal(["#00e400", "#ffff00", "#ff7e00", "#ff0000", "#99004c", "#7e0023"], levels.EnumerateArray().Select(l => l.GetProperty("colour").GetString()));
        Assert.Equal("各类人群可正常活动", levels[0].GetProperty("advice").GetString());
        Assert.Equal(["Excellent", "Good", "Lightly polluted", "Moderately polluted", "Heavily polluted", "Severely polluted"],
            levels.EnumerateArray().Select(l => l.GetProperty("english").GetProperty("category").GetString()));
        Assert.All(levels.EnumerateArray(), l =>
        {
            JsonElement english = l.GetProperty("english");
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english.GetProperty("healthEffect").GetString() + english.GetProperty("advice").GetString());
            Assert.Contains("translation", english.GetProperty("note").GetString(), StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal("All groups of people may carry on their activities as usual.", levels[0].GetProperty("english").GetProperty("advice").GetString());
    }

    [Fact]
    public async Task WaterSections_WithoutADay_GiveTheLatestStoredDayClassedFromTheDailyMeans()
    {
        JsonElement section = (await portal.Server.GetJsonAsync("/api/v1/water/sections", Ct)).EnumerateArray()
            .Single(s => s.GetProperty("station").GetProperty("mn").GetString() == PortalFixture.WaterSection);
        JsonElement latest = section.GetProperty("latest");

        Assert.Equal(PortalFixture.WaterDay, latest.GetProperty("period").GetString());
        Assert.Equal(4, latest.GetProperty("class").GetInt32());
        Assert.Equal("轻度污染", latest.GetProperty("quality").GetString());
        JsonElement nh3n = latest.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "NH3N");
        Assert.Equal(1.2m, nh3n.GetProperty("value").GetDecimal());
        Assert.Equal(2, nh3n.GetProperty("values").GetInt32());
        JsonElement tp = latest.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "TP");
        Assert.Equal(3, tp.GetProperty("class").GetInt32());
    }

    [Fact]
    public async Task PortalWaterRoute_OfTheOldDuplicateEvaluation_IsGone()
    {
        using HttpResponseMessage response = await portal.Server.Client.GetAsync(new Uri("/api/v1/water/sections/current", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("", "Give region")]
    [InlineData("region=5", "is not 2, 4 or 6 digits")]
    [InlineData("region=51", "from and to are required")]
    [InlineData("region=51&from=2019-01-01&to=2019-06-01", "93 days")]
    [InlineData("region=51&from=yesterday&to=2019-06-01", "not ISO 8601")]
    public async Task Download_BadQuery_IsRefusedWithAReadableReason(string query, string reason)
    {
        using HttpResponseMessage response = await portal.Server.Client.GetAsync(new Uri("/api/v1/downloads/aqi-hourly.csv?" + query, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_OfACity_HoldsItsStationsOnly()
    {
        string csv = await portal.Server.Client.GetStringAsync(new Uri("/api/v1/downloads/aqi-hourly.csv?region=220100&from=2019-12-20&to=2019-12-21", UriKind.Relative), Ct);
        string[] rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("2201", r.Split(',')[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task WaterDownload_OfASection_HasItsStoredDayClassedWithTheDailyMeans()
    {
        string day = PortalFixture.WaterDay;
        string next = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string csv = await portal.Server.Client.GetStringAsync(new Uri($"/api/v1/downloads/water-daily.csv?station={PortalFixture.WaterSection}&from={day}&to={next}", UriKind.Relative), Ct);
        string[] lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] header = lines[0].Split(',');
        var row = header.Zip(lines[1].Split(',')).ToDictionary(p => p.First, p => p.Second);

        Assert.Equal(2, lines.Length);
        Assert.Equal(PortalFixture.WaterSection, row["断面编码 MN"]);
        Assert.Equal(day, row["日期 day (UTC+08:00)"]);
        // NH3-N: mean of 1.0 and 1.4 = 1.2 mg/L, class IV (GB 3838-2002 Table 1: III ≤ 1.0, IV ≤ 1.5), the worst item.
        Assert.Equal("1.2", row["NH3N w21003 mg/L"]);
        Assert.Equal("IV", row["水质类别 class"]);
        Assert.Equal("NH3N", row["主要污染物 main pollutants"]);
        Assert.Equal("", row["COD w01018 mg/L"]);

        string region = await portal.Server.Client.GetStringAsync(new Uri($"/api/v1/downloads/water-daily.csv?region=220000&from={day}&to={next}", UriKind.Relative), Ct);
        Assert.Contains(PortalFixture.WaterSection, region, StringComparison.Ordinal);
        using HttpResponseMessage tooLong = await portal.Server.Client.GetAsync(new Uri("/api/v1/downloads/water-daily.csv?region=22&from=2019-01-01&to=2020-06-01", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("366 days", await tooLong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleEndpoints_NeedSignInOrTheKey()
    {
        using HttpResponseMessage anonymous = await portal.Server.Client.GetAsync(new Uri("/api/v1/console/stations/status", UriKind.Relative), Ct);
        using HttpRequestMessage withKey = new(HttpMethod.Get, new Uri("/api/v1/console/stations/status", UriKind.Relative));
        withKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PortalServer.AdminKey);
        using HttpResponseMessage keyed = await portal.Server.Client.SendAsync(withKey, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
    }

    [Fact]
    public async Task Login_OnAFreshInstallation_IsRefused_AndSetUpIsNeeded()
    {
        using PortalServer server = new(withConsoleUser: false);
        using HttpResponseMessage response = await server.Client.PostAsync(
            new Uri("/api/v1/console/login", UriKind.Relative), new StringContent("{\"user\":\"admin\",\"password\":\"admin\"}", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("sign-in-failed", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True((await server.GetJsonAsync("/api/v1/setup", Ct)).GetProperty("required").GetBoolean());
    }
}
