using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using EcoMonitor.Cli;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// The network of <see cref="JurisdictionLeakTests"/>: two counties of 成都 — A (锦江区 510104) with an air station and
/// the outlets of 甲企业 and 乙企业, B (金牛区 510106) with an air station and an outlet of 甲企业 — registered over
/// HTTP with the emergency key, and data of every station on each staff surface that can be reached in seconds:
/// values (import and gateway frames, so raw frames and console status, with a rejected frame of each air station), a fault-flagged value (review queue,
/// quality findings), a value over its rule's limit (an alarm), permit limits, a day of a held NOx value at each
/// outlet (falsification, completeness) and, at the air stations, a year-9999 value stored behind the host's back
/// (set-aside work).
/// </summary>
internal sealed class LeakNetwork
{
    public const string CountyA = "510104";
    public const string CountyB = "510106";
    public const string City = "510100";
    public const string Jia = "甲企业";
    public const string Yi = "乙企业";
    public const string AirRule = "leak-pm25";
    public const string OutletRule = "leak-so2";

    /// <summary>An MN nobody registered: what an out-of-scope station must look like.</summary>
    public const string UnknownMn = "39199000000099";

    /// <summary>An alarm id that does not exist.</summary>
    public const long UnknownAlarm = 987654321;

    /// <summary>A set-aside work id that does not exist.</summary>
    public const long UnknownSetAside = 987654322;

    public static LeakStation AirA { get; } = new("county A's air station", "39104000000011", "锦江区零泄漏测试空气站", "airQuality", CountyA, null, null);

    public static LeakStation AirB { get; } = new("county B's air station", "39106000000021", "金牛区零泄漏测试空气站", "airQuality", CountyB, null, null);

    public static LeakStation JiaA { get; } = new("甲企业's outlet in county A", "39104000000031", "甲企业锦江1号烟气排口", "flueGasOutlet", CountyA, Jia, "LEAKPERMIT-JIA-A-0031");

    public static LeakStation YiA { get; } = new("乙企业's outlet in county A", "39104000000041", "乙企业锦江1号烟气排口", "flueGasOutlet", CountyA, Yi, "LEAKPERMIT-YI-A-0041");

    public static LeakStation JiaB { get; } = new("甲企业's outlet in county B", "39106000000051", "甲企业金牛1号烟气排口", "flueGasOutlet", CountyB, Jia, "LEAKPERMIT-JIA-B-0051");

    public static IReadOnlyList<LeakStation> All { get; } = [AirA, AirB, JiaA, YiA, JiaB];

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private readonly ApiFactory _api;

    private LeakNetwork(ApiFactory api, DateTimeOffset hour)
    {
        _api = api;
        Hour = hour;
    }

    /// <summary>The start of the China Standard Time hour the data were made in: values lie 5 to 1 hours before it.</summary>
    public DateTimeOffset Hour { get; }

    /// <summary>The alarm of each station's rule, by MN.</summary>
    public Dictionary<string, long> AlarmOf { get; } = new(StringComparer.Ordinal);

    /// <summary>The set-aside work of each air station, by MN.</summary>
    public Dictionary<string, long[]> SetAsideOf { get; } = new(StringComparer.Ordinal);

    /// <summary>A time as the API takes it: ISO 8601 at +08:00.</summary>
    public static string Iso(DateTimeOffset time) => time.ToOffset(ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Registers the network in <paramref name="api"/>'s host and gives it its data; fails the test when the data do not show within 45 s.</summary>
    public static async Task<LeakNetwork> SeedAsync(ApiFactory api)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow.ToOffset(ChinaOffset);
        LeakNetwork network = new(api, new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, ChinaOffset));
        await network.RegisterAsync();
        await network.ImportAsync();
        await network.SendFramesAsync();
        await network.StoreImpossibleValuesAsync();
        await network.WaitForDataAsync();
        return network;
    }

    private async Task RegisterAsync()
    {
        await ExpectAsync(await _api.RegisterStationAsync(JsonSerializer.Serialize(All.Select(s => s.Body()))), HttpStatusCode.Created, "register the stations");
        await ExpectAsync(await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/alarm-rules/{AirRule}",
            $$"""{"id":"{{AirRule}}","name":"零泄漏测试 PM2.5 超 500","kind":"exceedance","stationType":"airQuality","parameter":"a34004","interval":"hour","limitSource":"fixed","limit":500}"""),
            HttpStatusCode.OK, "put the air rule");
        await ExpectAsync(await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/alarm-rules/{OutletRule}",
            $$"""{"id":"{{OutletRule}}","name":"零泄漏测试 SO2 超许可","kind":"exceedance","stationType":"flueGasOutlet","parameter":"a21026","interval":"hour","limitSource":"permit"}"""),
            HttpStatusCode.OK, "put the outlet rule");
        // A rule for one station names its MN and limit: only those whose scope covers the station may read it (disabled: it raises nothing).
        foreach (LeakStation air in new[] { AirA, AirB })
        {
            await ExpectAsync(await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/alarm-rules/leak-station-{air.Mn}",
                $$"""{"id":"leak-station-{{air.Mn}}","name":"零泄漏测试 单站规则","kind":"exceedance","station":"{{air.Mn}}","parameter":"a34004","interval":"hour","limitSource":"fixed","limit":900,"enabled":false}"""),
                HttpStatusCode.OK, "put a rule for one station");
        }

        foreach (LeakStation outlet in All.Where(s => s.IsOutlet))
        {
            await ExpectAsync(await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/stations/{outlet.Mn}/permit-limits", PermitLimits(outlet, 100)),
                HttpStatusCode.OK, $"put the permit limits of {outlet.Label}");
        }
    }

    /// <summary>The body of <c>PUT /api/v1/stations/{mn}/permit-limits</c>: SO2 at <paramref name="limit"/> with the outlet's permit number.</summary>
    public static string PermitLimits(LeakStation outlet, decimal limit) =>
        string.Create(CultureInfo.InvariantCulture, $$"""[{"parameter":"a21026","limit":{{limit}},"permitNumber":"{{outlet.PermitNumber}}"}]""");

    /// <summary>
    /// Each station: a normal value 5 hours ago, a fault-flagged one 4 hours ago (a finding for review) and one over the
    /// limit 3 hours ago (the alarm); each outlet: yesterday's 24 hours of NOx at one value (a falsification sign).
    /// </summary>
    private async Task ImportAsync()
    {
        var csv = new StringBuilder("station,parameter,interval,period_start,value,flag\n");
        foreach (LeakStation s in All)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{s.Mn},{s.Parameter},hour,{Iso(Hour.AddHours(-5))},{s.Normal},N\n");
            csv.Append(CultureInfo.InvariantCulture, $"{s.Mn},{s.Parameter},hour,{Iso(Hour.AddHours(-4))},{s.Normal},D\n");
            csv.Append(CultureInfo.InvariantCulture, $"{s.Mn},{s.Parameter},hour,{Iso(Hour.AddHours(-3))},{s.High},N\n");
            if (s.IsOutlet)
            {
                DateTimeOffset yesterday = new DateTimeOffset(Hour.Year, Hour.Month, Hour.Day, 0, 0, 0, ChinaOffset).AddDays(-1);
                for (int h = 0; h < 24; h++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{s.Mn},a21002,hour,{Iso(yesterday.AddHours(h))},45.0,N\n");
                }
            }
        }

        using HttpResponseMessage response = await _api.ImportAsync(csv.ToString(), "text/csv");
        string body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK && body.Contains("\"errorCount\":0", StringComparison.Ordinal), $"seeding: the import answered {(int)response.StatusCode} {body}");
    }

    /// <summary>
    /// One hour frame of each station (1 hour ago, normal) through the gateway: raw frames and the console status; and
    /// from each air station one with a wrong password (a rejected frame in the console status).
    /// </summary>
    private async Task SendFramesAsync()
    {
        string dataTime = Hour.AddHours(-1).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        foreach (LeakStation s in All)
        {
            await using FakeStation station = await FakeStation.ConnectAsync(_api.GatewayPort, Ct);
            await station.SendAsync(Frames.Hour(s.Mn, Frames.NextQn(), dataTime, [(s.Parameter, s.Normal.ToString(CultureInfo.InvariantCulture))], Frames.RegisteredPassword), Ct);
            byte[] reply = await station.ReadReplyAsync(TimeSpan.FromSeconds(10), Ct) ?? throw new Xunit.Sdk.XunitException($"seeding: no reply from the gateway to {s.Label}");
            Assert.Equal(9014, Frames.Read(reply).Command);
            if (!s.IsOutlet)
            {
                await station.SendAsync(Frames.Hour(s.Mn, Frames.NextQn(), dataTime, [(s.Parameter, "1")], "Wrong-" + Frames.RegisteredPassword), Ct);
                reply = await station.ReadReplyAsync(TimeSpan.FromSeconds(10), Ct) ?? throw new Xunit.Sdk.XunitException($"seeding: no reply from the gateway to {s.Label}'s wrong password");
                Assert.Equal(9011, Frames.Read(reply).Command);
            }
        }
    }

    /// <summary>The frames of the network rejected in the last 24 hours that a console status lists (each air station sent one with a wrong password).</summary>
    public static long RejectedFrames(JsonElement status) =>
        status.GetProperty("rejectedLast24Hours").EnumerateObject().Sum(r => r.Value.GetInt64());

    /// <summary>
    /// A PM2.5 of 9999-12-31 23:00 CST at each air station, committed as another process would (the gateway refuses such
    /// a time): every worker fails on that day and sets it aside (docs/adr/0027), found by the host's sweep.
    /// </summary>
    private async Task StoreImpossibleValuesAsync()
    {
        using (CliStore store = await CliStore.OpenAsync(_api.DatabasePath, Ct))
        {
            await store.Observations.AppendAsync([.. All.Where(s => !s.IsOutlet).Select(s => new Observation
            {
                Station = StationId.Parse(s.Mn), Parameter = ParameterCode.Parse("a34004"), Interval = ObservationInterval.Hour,
                PeriodStart = Instant.FromUtc(9999, 12, 31, 15, 0), Value = 35m, ReceivedAt = Instant.FromDateTimeOffset(Hour),
            })], Ct);
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>Asks with the emergency key until every station's data show on every surface; fails the test with what is missing otherwise.</summary>
    private async Task WaitForDataAsync()
    {
        DateTime deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            List<string> missing = await MissingAsync();
            if (missing.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"seeding: after {Patience.TotalSeconds} s still missing (read with the emergency key):\n" + string.Join('\n', missing));
            }

            await Task.Delay(200, Ct);
        }
    }

    private async Task<List<string>> MissingAsync()
    {
        var missing = new List<string>();
        JsonElement alarms = await _api.StaffJsonAsync("/api/v1/alarms?limit=5000");
        foreach (LeakStation s in All)
        {
            JsonElement[] own = [.. alarms.EnumerateArray().Where(a => a.GetProperty("subject").GetString() == s.Mn && a.GetProperty("ruleId").GetString() == s.Rule)];
            if (own.Length == 1)
            {
                AlarmOf[s.Mn] = own[0].GetProperty("id").GetInt64();
            }
            else
            {
                missing.Add($"{own.Length} alarms of {s.Rule} at {s.Label}");
            }
        }

        string queue = (await _api.StaffJsonAsync("/api/v1/review/queue")).GetRawText();
        missing.AddRange(All.Where(s => !queue.Contains(s.Mn, StringComparison.Ordinal)).Select(s => $"review queue item of {s.Label}"));
        string falsification = (await _api.StaffJsonAsync("/api/v1/falsification")).GetRawText();
        missing.AddRange(All.Where(s => s.IsOutlet && !falsification.Contains(s.Mn, StringComparison.Ordinal)).Select(s => $"falsification day of {s.Label}"));
        JsonElement setAside = await _api.StaffJsonAsync("/api/v1/work/set-aside");
        foreach (LeakStation s in All.Where(s => !s.IsOutlet))
        {
            long[] ids = [.. setAside.EnumerateArray().Where(w => w.GetProperty("station").GetString() == s.Mn).Select(w => w.GetProperty("id").GetInt64())];
            SetAsideOf[s.Mn] = ids;
            if (ids.Length < 3)
            {
                missing.Add($"{ids.Length} of 3 set-aside works of {s.Label}");
            }
        }

        long rejected = RejectedFrames(await _api.StaffJsonAsync("/api/v1/console/stations/status"));
        if (rejected != 2)
        {
            missing.Add($"{rejected} of 2 rejected frames in the console status");
        }

        foreach (LeakStation s in All)
        {
            if ((await _api.StaffJsonAsync($"/api/v1/console/stations/{s.Mn}/frames")).GetArrayLength() < (s.IsOutlet ? 1 : 2))
            {
                missing.Add($"raw frames of {s.Label}");
            }
        }

        return missing;
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        using (response)
        {
            Assert.True(response.StatusCode == expected, $"seeding: {what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }
}
