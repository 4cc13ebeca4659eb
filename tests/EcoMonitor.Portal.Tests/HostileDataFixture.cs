using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// A server whose data an attacker wrote: an air station, a water section and an enterprise outlet named with HTML
/// that runs script when a page inserts it as markup (<c>&lt;img src=x onerror=…&gt;</c>), the outlet's enterprise
/// likewise, and an alarm of that outlet acknowledged with such a comment. Each payload sets <c>window.__xss</c>.
/// Also the ordinary fixture data (a day of hourly PM2.5/PM10 of a few sample stations), so that every page draws.
/// </summary>
public sealed class HostileDataFixture : IAsyncLifetime
{
    public const string AirStation = "XSS01A";
    public const string WaterSection = "XSSW01";
    public const string Outlet = "XSSO01";
    public const string AirName = "<img src=x onerror=window.__xss=1>";
    public const string WaterName = "<img src=x onerror=window.__xss=2>";
    public const string OutletName = "<svg onload=window.__xss=3>";
    public const string EnterpriseName = "<img src=x onerror=window.__xss=4>企业";
    public const string Comment = "<script>window.__xss=5</script><img src=x onerror=window.__xss=5>";

    public PortalServer Server { get; } = new();

    public Browser Browser { get; private set; } = null!;

    public long AlarmId { get; private set; }

    /// <summary>The hour of the outlet's exceeding value (three hours ago, China Standard Time).</summary>
    public static string RecentHour { get; } = Hour(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddHours(-3));

    public async ValueTask InitializeAsync()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await Server.RegisterAsync(JsonSerializer.Serialize(new object[]
        {
            new { mn = AirStation, name = AirName, type = "airQuality", region = "220102", longitude = 118.0, latitude = 40.0, password = "123456" },
            new { mn = WaterSection, name = WaterName, type = "surfaceWater", region = "220102", longitude = 125.2, latitude = 43.6, password = "123456", waterBody = "river" },
            new { mn = Outlet, name = OutletName, type = "flueGasOutlet", region = "220102", enterprise = EnterpriseName, password = "123456" },
        }), ct);
        await Server.PutJsonAsync($"/api/v1/stations/{Outlet}/permit-limits", """[{"parameter":"a21026","limit":35,"permitNumber":"91220102MA0000002P"}]""", ct);

        var csv = new StringBuilder();
        JsonElement stations = await Server.GetJsonAsync("/api/v1/stations", ct);
        string[] air = [.. stations.EnumerateArray().Where(s => s.GetProperty("type").GetString() == "airQuality").Select(s => s.GetProperty("mn").GetString()!).Order(StringComparer.Ordinal).Take(4).Append(AirStation)];
        foreach (string mn in air)
        {
            for (int hour = 0; hour < 24; hour++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{mn},a34004,hour,2019-12-20T{hour:D2}:00:00+08:00,{40 + hour}\n");
                csv.Append(CultureInfo.InvariantCulture, $"{mn},a34002,hour,2019-12-20T{hour:D2}:00:00+08:00,{60 + hour}\n");
            }
        }

        string day = PortalFixture.WaterDay;
        csv.Append(CultureInfo.InvariantCulture, $"{WaterSection},w01001,hour,{day}T08:00:00+08:00,7.6\n");
        csv.Append(CultureInfo.InvariantCulture, $"{WaterSection},w21003,hour,{day}T08:00:00+08:00,1.2\n");
        csv.Append(CultureInfo.InvariantCulture, $"{Outlet},a21026,hour,{RecentHour},80\n");
        await Server.ImportAsync(csv.ToString(), ct);
        await Server.WaitForCurrentAqiAsync(air.Length, ct);
        await Server.WaitForWaterDayAsync(WaterSection, day, ct);
        AlarmId = await WaitForAlarmAsync(ct);
        await Server.PostJsonAsync($"/api/v1/alarms/{AlarmId}/acknowledge", JsonSerializer.Serialize(new { by = OutletName, comment = Comment }), ct);
        Browser = await Browser.LaunchAsync();
    }

    /// <summary>
    /// A fresh page that records every Content-Security-Policy violation the browser reports (<c>window.__csp</c>, by
    /// a script Playwright adds before the page's own, which CSP does not restrict); with <paramref name="bypassCsp"/>
    /// the browser ignores the policy, so that only the pages' escaping stands between the data and script.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool bypassCsp)
    {
        IPage page = await Browser.NewPageAsync(Server.BaseUrl, bypassCsp: bypassCsp);
        await page.AddInitScriptAsync("""
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
            """);
        return page;
    }

    /// <summary>As <see cref="NewPageAsync"/>, signed in to the console and on its loaded main page.</summary>
    public async Task<IPage> SignedInConsoleAsync(bool bypassCsp)
    {
        IPage page = await NewPageAsync(bypassCsp);
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#user", PortalServer.ConsoleUser);
        await page.FillAsync("#password", PortalServer.ConsolePassword);
        await Browser.NavigateByAsync(page, "**/console/", () => page.ClickAsync("#login"));
        await page.WaitForSelectorAsync("#status-table tbody tr");
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

    private async Task<long> WaitForAlarmAsync(CancellationToken ct)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            JsonElement alarms = await Server.StaffJsonAsync($"/api/v1/alarms?station={Outlet}", ct);
            if (alarms.GetArrayLength() > 0)
            {
                return alarms[0].GetProperty("id").GetInt64();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No alarm of {Outlet} within 120 s.");
            }

            await Task.Delay(200, ct);
        }
    }

    private static string Hour(DateTimeOffset cst) =>
        new DateTimeOffset(cst.Year, cst.Month, cst.Day, cst.Hour, 0, 0, cst.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);
}
