using System.Net;
using System.Text.Json;

namespace EcoMonitor.Web.Tests;

[Trait("Area", "Spine")]
public sealed class StationApiTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public StationApiTests(ApiFactory api) => _api = api;

    [Fact]
    public async Task Stations_ListsTheSampleNetwork()
    {
        JsonElement stations = await _api.GetJsonAsync("/api/v1/stations");

        Assert.True(stations.GetArrayLength() >= 219);
        JsonElement first = stations.EnumerateArray().Single(s => s.GetProperty("mn").GetString() == "1431A");
        Assert.Equal("airQuality", first.GetProperty("type").GetString());
        Assert.Equal("national", first.GetProperty("controlLevel").GetString());
        Assert.False(first.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Station_Unknown_Returns404WithReason()
    {
        using HttpResponseMessage response = await _api.GetAsync("/api/v1/stations/NOPE123");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("NOPE123", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_HaveUnitsAndNames()
    {
        JsonElement parameters = await _api.GetJsonAsync("/api/v1/parameters");

        JsonElement co = parameters.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "a21005");
        Assert.Equal("mg/m³", co.GetProperty("unit").GetString());
        JsonElement pm25 = parameters.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "a34004");
        Assert.Equal("µg/m³", pm25.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task RegisterStation_WithoutKey_IsRefused()
    {
        using HttpResponseMessage response = await _api.RegisterStationAsync(StationJson("KEYLESS01"), key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RegisterStation_WrongKey_IsRefused()
    {
        using HttpResponseMessage response = await _api.RegisterStationAsync(StationJson("WRONGKEY01"), key: "not-the-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using HttpResponseMessage lookup = await _api.GetAsync("/api/v1/stations/WRONGKEY01");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task RegisterStation_WithKey_IsStoredAndServed()
    {
        using HttpResponseMessage response = await _api.RegisterStationAsync(StationJson("NEWOUTLET01"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        JsonElement station = await _api.GetJsonAsync("/api/v1/stations/NEWOUTLET01");
        Assert.Equal("wasteWaterOutlet", station.GetProperty("type").GetString());
        Assert.Equal("某化工有限公司", station.GetProperty("enterprise").GetString());

        using HttpResponseMessage again = await _api.RegisterStationAsync(StationJson("NEWOUTLET01"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task RegisterStations_OneBadEntry_StoresNothingAndSaysWhy()
    {
        string body = $"[{StationJson("BATCHGOOD01")}, {StationJson("BATCHBAD01").Replace("510106", "51x106", StringComparison.Ordinal)}]";

        using HttpResponseMessage response = await _api.RegisterStationAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = await ApiFactory.ReadJsonAsync(response);
        Assert.Equal("urn:ecomonitor:problem:invalid-body", problem.GetProperty("type").GetString());
        JsonProperty error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("$[1].region", error.Name);
        using HttpResponseMessage lookup = await _api.GetAsync("/api/v1/stations/BATCHGOOD01");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    [Trait("Area", "Security")]
    public async Task RegisterStations_TheSameMnTwiceOrANonexistentRegion_IsRefused_NothingStored()
    {
        string body = $"[{StationJson("DUPE01")}, {StationJson("DUPE01").Replace("污水排口", "另一个", StringComparison.Ordinal)}, {StationJson("NOWHERE01").Replace("510106", "999999", StringComparison.Ordinal)}]";

        using HttpResponseMessage response = await _api.RegisterStationAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement errors = (await ApiFactory.ReadJsonAsync(response)).GetProperty("errors");
        Assert.Equal(["$[0].mn", "$[1].mn", "$[2].region"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("also used by entry 1", errors.GetProperty("$[0].mn")[0].GetString(), StringComparison.Ordinal);
        using HttpResponseMessage lookup = await _api.GetAsync("/api/v1/stations/DUPE01");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        JsonElement document = await _api.GetJsonAsync("/openapi/v1.json");

        JsonElement paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/stations/{mn}/observations", out _));
        Assert.True(paths.TryGetProperty("/api/v1/observations/import", out _));
        Assert.True(paths.TryGetProperty("/api/v1/ingest/stats", out _));
    }

    [Fact]
    public async Task ApiReference_IsServedWithoutExternalLinks()
    {
        string page = await _api.GetStringAsync("/api-docs");

        Assert.Contains("EcoMonitor API", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", page, StringComparison.OrdinalIgnoreCase);
    }

    internal static string StationJson(string mn) => $$"""
        {"mn":"{{mn}}","name":"污水排口","type":"wasteWaterOutlet","region":"510106","enterprise":"某化工有限公司","password":"{{Frames.RegisteredPassword}}","controlLevel":"省控"}
        """;
}
