using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Quality;

/// <summary>
/// A flue-gas outlet registered over HTTP (with a 4-hour reporting interval echoed back) imports a day of minute data
/// whose SO2 is held at one value for three hours; the quality worker scores the day, and the API lists it with the sign
/// and its evidence, per outlet and network-wide. The documented OpenAPI describes both endpoints.
/// </summary>
[Trait("Area", "Quality")]
public sealed class FalsificationApiTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public FalsificationApiTests(ApiFactory api) => _api = api;

    [Fact]
    public async Task HeldValue_IsScored_AndListedWithItsEvidence()
    {
        using (HttpResponseMessage registered = await _api.RegisterStationAsync("""
            { "mn": "FGTEST0001", "name": "某电厂1号烟囱", "type": "flueGasOutlet", "region": "510100", "password": "123456",
              "enterprise": "某电厂", "reportingIntervalHours": 4 }
            """))
        {
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var csv = new StringBuilder("station,parameter,interval,period_start,value,flag\n");
        var random = new Random(5);
        for (int m = 0; m < 24 * 60; m++)
        {
            decimal so2 = m is >= 540 and < 720 ? 25.0m : Math.Round(20m + (decimal)random.NextDouble() * 4m, 1);
            decimal nox = Math.Round(45m + (decimal)random.NextDouble() * 8m, 1);
            string at = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Unspecified).AddMinutes(m).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"FGTEST0001,a21026,minute,{at}+08:00,{so2},N\nFGTEST0001,a21002,minute,{at}+08:00,{nox},N\n");
        }

        using (HttpResponseMessage imported = await _api.ImportAsync(csv.ToString(), "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        JsonElement days = await WaitForAsync("/api/v1/stations/FGTEST0001/falsification?from=2026-03-02&to=2026-03-03", d => d.GetArrayLength() == 1 && d[0].GetProperty("valuesExamined").GetInt32() == 2 * 1440);

        JsonElement day = days[0];
        Assert.Equal("2026-03-02", day.GetProperty("day").GetString());
        Assert.Equal("某电厂", day.GetProperty("enterprise").GetString());
        Assert.Equal(2 * 1440, day.GetProperty("valuesExamined").GetInt32());
        JsonElement[] signs = [.. day.GetProperty("signs").EnumerateArray()];
        Assert.Equal(["fake.identical-run"], signs.Select(s => s.GetProperty("sign").GetString()));
        Assert.Equal(25, day.GetProperty("score").GetInt32());
        JsonElement evidence = signs[0].GetProperty("evidence")[0];
        Assert.Equal("a21026", evidence.GetProperty("parameter").GetString());
        Assert.Equal("2026-03-02T09:00:00+08:00", evidence.GetProperty("from").GetString());
        Assert.Equal("2026-03-02T12:00:00+08:00", evidence.GetProperty("to").GetString());
        Assert.Equal(180, evidence.GetProperty("count").GetInt32());

        JsonElement network = await _api.StaffJsonAsync("/api/v1/falsification?from=2026-03-02&to=2026-03-03");
        Assert.Contains(network.EnumerateArray(), d => d.GetProperty("mn").GetString() == "FGTEST0001" && d.GetProperty("score").GetInt32() == 25);
        JsonElement station = await _api.GetJsonAsync("/api/v1/stations/FGTEST0001");
        Assert.Equal(4, station.GetProperty("reportingIntervalHours").GetInt32());

        JsonElement openApi = await _api.GetJsonAsync("/openapi/v1.json");
        JsonElement list = openApi.GetProperty("paths").GetProperty("/api/v1/falsification").GetProperty("get");
        Assert.Contains("打假", list.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("fake.pinned-below-limit", list.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/stations/{mn}/falsification", out _));
    }

    [Fact]
    public async Task BadQuery_IsExplained()
    {
        using HttpResponseMessage response = await _api.GetAsync("/api/v1/falsification?minScore=200", ApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("minScore must lie in 0..100", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> isDone) => _api.WaitForJsonAsync(path, isDone, 60, _api.StaffKey);
}
