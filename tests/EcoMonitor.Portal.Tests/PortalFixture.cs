using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// One server with the sample network and a day of hourly PM2.5 and PM10 (2019-12-20 CST) for the first
/// <see cref="StationsWithData"/> air stations and <see cref="LongNameStation"/>, one water section with two samples of
/// yesterday, a section with a target class (<see cref="TargetSection"/>), the sample release of the 20 sample sections
/// (<see cref="SampleWaterDay"/>, samples/history/water-2026-02-04.csv) and one browser; shared by the tests of a class.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const int StationsWithData = 12;
    public const string WaterSection = "SW2201";

    /// <summary>An air station in 黔东南 (522600, no coordinates, so not on the map) given a day of data too.</summary>
    public const string LongNameStation = "2592A";

    /// <summary>A river section registered with target class II (水质目标), given a class III sample of yesterday.</summary>
    public const string TargetSection = "SW9901";

    /// <summary>The day of the CNEMC release in samples/history/water-2026-02-04.csv (samples/README.md).</summary>
    public const string SampleWaterDay = "2026-02-04";

    /// <summary>The day (CST, yyyy-MM-dd) of the water sample: yesterday.</summary>
    public static string WaterDay { get; } = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public PortalServer Server { get; } = new();

    public Browser Browser { get; private set; } = null!;

    /// <summary>MNs of the stations given data, ordered by MN.</summary>
    public IReadOnlyList<string> DataStations { get; private set; } = [];

    /// <summary>MNs of the sections in the sample release, ordered by MN.</summary>
    public IReadOnlyList<string> SampleSections { get; private set; } = [];

    /// <summary>Every air station with coordinates, as the API lists them.</summary>
    public int PlacedAirStations { get; private set; }

    public async ValueTask InitializeAsync()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        JsonElement stations = await Server.GetJsonAsync("/api/v1/stations", ct);
        JsonElement[] air = [.. stations.EnumerateArray().Where(s => s.GetProperty("type").GetString() == "airQuality")];
        PlacedAirStations = air.Count(s => s.GetProperty("longitude").ValueKind == JsonValueKind.Number);
        DataStations = [.. air.Select(s => s.GetProperty("mn").GetString()!).Order(StringComparer.Ordinal).Take(StationsWithData)];
        var csv = new StringBuilder();
        for (int i = 0; i < DataStations.Count; i++)
        {
            for (int hour = 0; hour < 24; hour++)
            {
                // PM2.5 from 10 to beyond 300 µg/m³ over the stations, so that every AQI level appears.
                decimal pm25 = 10 + (i * 28) + hour;
                csv.Append(CultureInfo.InvariantCulture, $"{DataStations[i]},a34004,hour,2019-12-20T{hour:D2}:00:00+08:00,{pm25}\n");
                csv.Append(CultureInfo.InvariantCulture, $"{DataStations[i]},a34002,hour,2019-12-20T{hour:D2}:00:00+08:00,{pm25 * 1.4m}\n");
            }
        }

        // A station of the prefecture with the longest English name among the sample's cities (Qiandongnan Miao and Dong
        // Autonomous Prefecture), moderately polluted (the longest English category): the city table's widest row.
        for (int hour = 0; hour < 24; hour++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{LongNameStation},a34004,hour,2019-12-20T{hour:D2}:00:00+08:00,130\n");
            csv.Append(CultureInfo.InvariantCulture, $"{LongNameStation},a34002,hour,2019-12-20T{hour:D2}:00:00+08:00,182\n");
        }

        // Class IV section (a reservoir): NH3-N 1.2 mg/L is class IV (GB 3838-2002 Table 1: III ≤ 1.0, IV ≤ 1.5); TP
        // 0.04 is class III under the lake limits (III ≤ 0.05); the rest class I–II. Yesterday (CST), so that the
        // section list's default day (today, looking back a year) finds it.
        string day = WaterDay;
        csv.Append(CultureInfo.InvariantCulture, $"{WaterSection},w01001,hour,{day}T08:00:00+08:00,7.6\n");
        csv.Append(CultureInfo.InvariantCulture, $"{WaterSection},w01009,hour,{day}T08:00:00+08:00,7.8\n");
        csv.Append(CultureInfo.InvariantCulture, $"{WaterSection},w01019,hour,{day}T08:00:00+08:00,3.1\n");
        csv.Append(CultureInfo.InvariantCulture, $"{WaterSection},w21003,hour,{day}T08:00:00+08:00,1.0\n");
        csv.Append(CultureInfo.InvariantCulture, $"{WaterSection},w21003,hour,{day}T12:00:00+08:00,1.4\n");
        csv.Append(CultureInfo.InvariantCulture, $"{WaterSection},w21011,hour,{day}T08:00:00+08:00,0.04\n");
        // Class III against target II: CODMn 5.0 mg/L is class III (GB 3838-2002 Table 1: II ≤ 4, III ≤ 6), DO 7.0 and
        // NH3-N 0.3 are class II; so CODMn exceeds the target, and there is no main pollutant (not worse than III).
        await Server.RegisterAsync(JsonSerializer.Serialize(new object[]
        {
            new { mn = TargetSection, name = "目标断面", type = "surfaceWater", region = "220000", password = "Tg9901ab", waterBody = "river", waterTargetClass = "II" },
        }), ct);
        csv.Append(CultureInfo.InvariantCulture, $"{TargetSection},w01009,hour,{day}T08:00:00+08:00,7.0\n");
        csv.Append(CultureInfo.InvariantCulture, $"{TargetSection},w01019,hour,{day}T08:00:00+08:00,5.0\n");
        csv.Append(CultureInfo.InvariantCulture, $"{TargetSection},w21003,hour,{day}T08:00:00+08:00,0.3\n");
        await Server.ImportAsync(csv.ToString(), ct);
        string[] sample = await File.ReadAllLinesAsync(RepoFiles.Path("samples/history/water-2026-02-04.csv"), ct);
        await Server.ImportAsync(string.Join('\n', sample.Skip(1)) + "\n", ct);
        await Server.WaitForCurrentAqiAsync(StationsWithData + 1, ct);
        await Server.WaitForWaterDayAsync(WaterSection, WaterDay, ct);
        await Server.WaitForWaterDayAsync(TargetSection, WaterDay, ct);
        SampleSections = [.. sample.Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal)];
        foreach (string mn in SampleSections)
        {
            await Server.WaitForWaterDayAsync(mn, SampleWaterDay, ct);
        }
        Browser = await Browser.LaunchAsync();
    }

    /// <summary>
    /// A fresh page signed in to the console as the admin, on the console page once it has loaded (its scripts then
    /// listen for the tab buttons; a tab clicked before did nothing).
    /// </summary>
    public async Task<IPage> SignedInConsoleAsync()
    {
        IPage page = await Browser.NewPageAsync(Server.BaseUrl);
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", PortalServer.ConsoleUser);
        await page.FillAsync("#password", PortalServer.ConsolePassword);
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Server.Dispose();
    }
}
