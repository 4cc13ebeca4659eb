using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>GB 3096-2008 day and night compliance of a noise station from hourly Leq values imported over HTTP.</summary>
[Trait("Area", "Standards")]
public sealed class NoiseEvaluationApiTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new();

    public async ValueTask InitializeAsync()
    {
        using HttpResponseMessage registered = await _api.RegisterStationAsync("""
            {"mn":"NZ01","name":"测试噪声站","type":"noise","noiseZone":"2","region":"510104","password":"123456"}
            """);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        // Zone 2: day 60, night 50 dB(A). Day hours (06–21) at 58; night hours (22–05) at 52 with one maximum of 70;
        // the 12:00 hour flagged D at 99 and the next day's 06:00 (its own day) must not count for 2026-03-01.
        var csv = new StringBuilder("station,parameter,interval,period_start,value,flag,min,max\n");
        for (int h = 6; h < 30; h++)
        {
            if (h == 12)
            {
                continue;
            }

            var start = new DateTime(2026, 3, 1, 0, 0, 0).AddHours(h);
            bool isNight = h >= 22;
            string max = h == 23 ? "70" : "";
            csv.Append(CultureInfo.InvariantCulture, $"NZ01,Leq,hour,{start:yyyy-MM-dd HH:mm},{(isNight ? 52 : 58)},N,,{max}\n");
        }

        csv.Append("NZ01,Leq,hour,2026-03-01 12:00,99,D,,\n");
        csv.Append("NZ01,Leq,hour,2026-03-02 06:00,80,N,,\n");
        using HttpResponseMessage imported = await _api.ImportAsync(csv.ToString(), "text/csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task DayAndNight_ComparedWithTheZoneLimits()
    {
        JsonElement day = Assert.Single((await _api.GetJsonAsync("/api/v1/stations/NZ01/noise?from=2026-03-01&to=2026-03-02")).EnumerateArray());

        Assert.Equal("2026-03-01", day.GetProperty("day").GetString());
        Assert.Equal(58.0m, day.GetProperty("dayLevel").GetDecimal());
        Assert.Equal(15, day.GetProperty("dayHours").GetInt32());
        Assert.True(day.GetProperty("isDayCompliant").GetBoolean());
        Assert.Equal(52.0m, day.GetProperty("nightLevel").GetDecimal());
        Assert.Equal(8, day.GetProperty("nightHours").GetInt32());
        Assert.False(day.GetProperty("isNightCompliant").GetBoolean());
        Assert.Equal(2.0m, day.GetProperty("nightExceedance").GetDecimal());
        Assert.Equal(70m, day.GetProperty("nightMax").GetDecimal());
        Assert.Equal(65m, day.GetProperty("nightMaxLimit").GetDecimal());
        Assert.False(day.GetProperty("isNightMaxCompliant").GetBoolean());
    }

    [Fact]
    public async Task AirStation_IsRefusedWithAReason()
    {
        using HttpResponseMessage response = await _api.GetAsync("/api/v1/stations/1119A/noise");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("noise", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
