using System.Globalization;
using System.Net;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Writes of <see cref="JurisdictionLeakTests"/>: county A's person tries each write on county B's stations (refused as
/// for an unknown station) and on its own (done: the positive control); county B's data, read with the emergency key
/// before the calls and after them, are unchanged.
/// </summary>
public sealed partial class JurisdictionLeakTests
{
    /// <summary>A station nobody registered in county B, which county A's person tries to register.</summary>
    private static readonly LeakStation NewInB = new("a new station in county B", "39106000000061", "金牛区越权新站", "airQuality", LeakNetwork.CountyB, null, null);

    /// <summary>A station nobody registered in county A, which county A's person registers (positive control).</summary>
    private static readonly LeakStation NewInA = new("a new station in county A", "39104000000071", "锦江区新站", "airQuality", LeakNetwork.CountyA, null, null);

    private async Task WritesOutsideTheScopeAsync(Viewer viewer)
    {
        await PermitLimitsAsync(viewer);
        await AlarmActionsAsync(viewer);
        await ReviewDecisionsAsync(viewer);
        await ImportAsync(viewer);
        await RegistrationsAsync(viewer);
    }

    private async Task PermitLimitsAsync(Viewer viewer)
    {
        Answer unknown = await SendAsync(HttpMethod.Put, $"/api/v1/stations/{LeakNetwork.UnknownMn}/permit-limits", viewer.Cookie, LeakNetwork.PermitLimits(LeakNetwork.JiaB, 1));
        foreach (LeakStation outlet in LeakNetwork.All.Where(s => s.IsOutlet && !viewer.Sees(s)))
        {
            string path = $"/api/v1/stations/{outlet.Mn}/permit-limits";
            ExpectRefusedLikeUnknown(viewer, HttpMethod.Put, path, await SendAsync(HttpMethod.Put, path, viewer.Cookie, LeakNetwork.PermitLimits(outlet, 1)), unknown, outlet, HttpStatusCode.NotFound);
        }

        string own = $"/api/v1/stations/{LeakNetwork.JiaA.Mn}/permit-limits";
        ExpectDone(viewer, HttpMethod.Put, own, await SendAsync(HttpMethod.Put, own, viewer.Cookie, LeakNetwork.PermitLimits(LeakNetwork.JiaA, 100)), HttpStatusCode.OK);
    }

    private async Task AlarmActionsAsync(Viewer viewer)
    {
        string body = JsonSerializer.Serialize(new { by = viewer.Name, comment = "零泄漏测试" });
        Answer unknown = await SendAsync(HttpMethod.Post, $"/api/v1/alarms/{LeakNetwork.UnknownAlarm}/acknowledge", viewer.Cookie, body);
        foreach (LeakStation station in LeakNetwork.All.Where(s => !viewer.Sees(s)))
        {
            string path = $"/api/v1/alarms/{_network.AlarmOf[station.Mn]}/acknowledge";
            ExpectRefusedLikeUnknown(viewer, HttpMethod.Post, path, await SendAsync(HttpMethod.Post, path, viewer.Cookie, body), unknown, station, HttpStatusCode.NotFound);
        }

        string own = $"/api/v1/alarms/{_network.AlarmOf[LeakNetwork.AirA.Mn]}/acknowledge";
        ExpectDone(viewer, HttpMethod.Post, own, await SendAsync(HttpMethod.Post, own, viewer.Cookie, body), HttpStatusCode.OK);
    }

    private async Task ReviewDecisionsAsync(Viewer viewer)
    {
        const string path = "/api/v1/review/decisions";
        Answer unknown = await SendAsync(HttpMethod.Post, path, viewer.Cookie, Decision(LeakNetwork.UnknownMn, "a34004"));
        foreach (LeakStation station in LeakNetwork.All.Where(s => !viewer.Sees(s)))
        {
            Answer answer = await SendAsync(HttpMethod.Post, path, viewer.Cookie, Decision(station.Mn, station.Parameter));
            ExpectRefusedLikeUnknown(viewer, HttpMethod.Post, $"{path} for {station.Mn}", answer, unknown, station, HttpStatusCode.BadRequest);
            if (answer.Detail?.Replace(station.Mn, "{mn}", StringComparison.Ordinal) != unknown.Detail?.Replace(LeakNetwork.UnknownMn, "{mn}", StringComparison.Ordinal))
            {
                _wrong.Add($"{viewer.Name}: POST {path} for {station.Label} says \"{answer.Detail}\", for an unknown station \"{unknown.Detail}\"");
            }
        }

        ExpectDone(viewer, HttpMethod.Post, $"{path} for {LeakNetwork.AirA.Mn}", await SendAsync(HttpMethod.Post, path, viewer.Cookie, Decision(LeakNetwork.AirA.Mn, "a34004")), HttpStatusCode.Created);
    }

    /// <summary>A decision marking the station's fault-flagged hour invalid.</summary>
    private string Decision(string mn, string parameter) => JsonSerializer.Serialize(new
    {
        station = mn, parameter, from = LeakNetwork.Iso(_network.Hour.AddHours(-4)), to = LeakNetwork.Iso(_network.Hour.AddHours(-3)),
        verdict = "invalid", reason = "calibration", comment = "零泄漏测试",
    });

    /// <summary>One import of a value of county A's air station, of each station outside the scope and of an unknown station.</summary>
    private async Task ImportAsync(Viewer viewer)
    {
        const string path = "/api/v1/observations/import";
        string period = LeakNetwork.Iso(_network.Hour.AddHours(-6));
        LeakStation[] hidden = [.. LeakNetwork.All.Where(s => !viewer.Sees(s))];
        string[] rows = [$"{LeakNetwork.AirA.Mn},a34004,hour,{period},41,N", .. hidden.Select(s => $"{s.Mn},{s.Parameter},hour,{period},41,N"), $"{LeakNetwork.UnknownMn},a34004,hour,{period},41,N"];
        Answer answer = await SendAsync(HttpMethod.Post, path, viewer.Cookie, "station,parameter,interval,period_start,value,flag\n" + string.Join('\n', rows) + "\n", "text/csv");
        if (answer.Status != HttpStatusCode.OK || answer.Json is not { } report)
        {
            _wrong.Add($"{viewer.Name}: POST {path} answered {answer.Shape}: {answer.Body}");
            return;
        }

        CheckNothingHidden(viewer, HttpMethod.Post, path, answer, [.. hidden.Select(s => s.Mn)]);
        var reasons = report.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("line").GetInt64(), e => e.GetProperty("reason").GetString()!);
        long unknownLine = rows.Length + 1;
        string? unknownReason = reasons.GetValueOrDefault(unknownLine)?.Replace(LeakNetwork.UnknownMn, "{mn}", StringComparison.Ordinal);
        for (int i = 0; i < hidden.Length; i++)
        {
            string? reason = reasons.GetValueOrDefault(i + 3)?.Replace(hidden[i].Mn, "{mn}", StringComparison.Ordinal);
            if (reason is null || reason != unknownReason)
            {
                _wrong.Add($"{viewer.Name}: POST {path}: the row of {hidden[i].Label} was {(reason is null ? "accepted" : $"refused with \"{reason}\"")}, an unknown station's with \"{unknownReason}\"");
            }
        }

        if (reasons.TryGetValue(2, out string? own))
        {
            _wrong.Add($"{viewer.Name}: POST {path}: the row of county A's air station, in the scope, was refused with \"{own}\" (positive control)");
        }
    }

    private async Task RegistrationsAsync(Viewer viewer)
    {
        const string path = "/api/v1/stations";
        Answer outside = await SendAsync(HttpMethod.Post, path, viewer.Cookie, JsonSerializer.Serialize(NewInB.Body()));
        if (outside.Status != HttpStatusCode.BadRequest)
        {
            _wrong.Add($"{viewer.Name}: POST {path} of {NewInB.Label} answered {outside.Shape}, expected 400");
        }

        foreach (LeakStation station in LeakNetwork.All.Where(s => !viewer.Sees(s)))
        {
            // Replacing an out-of-scope station with a region in the scope would move it into the scope.
            Answer moved = await SendAsync(HttpMethod.Post, path, viewer.Cookie, JsonSerializer.Serialize(station.Body(LeakNetwork.CountyA)));
            if (moved.IsSuccess)
            {
                _wrong.Add($"{viewer.Name}: POST {path} re-registering {station.Label} in {LeakNetwork.CountyA} answered {moved.Shape}, expected a refusal");
            }
        }

        ExpectDone(viewer, HttpMethod.Post, $"{path} of {NewInA.Mn}", await SendAsync(HttpMethod.Post, path, viewer.Cookie, JsonSerializer.Serialize(NewInA.Body())), HttpStatusCode.Created);
    }

    private void ExpectRefusedLikeUnknown(Viewer viewer, HttpMethod method, string path, Answer answer, Answer unknown, LeakStation station, HttpStatusCode expected)
    {
        CheckNothingHidden(viewer, method, path, answer, station.Mn);
        if (answer.Status != expected || answer.Shape != unknown.Shape)
        {
            _wrong.Add($"{viewer.Name}: {method} {path} on {station.Label} answered {answer.Shape}, an unknown one {unknown.Shape}; expected {(int)expected}");
        }
    }

    private void ExpectDone(Viewer viewer, HttpMethod method, string path, Answer answer, HttpStatusCode expected)
    {
        if (answer.Status != expected)
        {
            _wrong.Add($"{viewer.Name}: {method} {path} in the scope answered {answer.Shape}, expected {(int)expected} (positive control): {answer.Body}");
        }
    }

    /// <summary>What county B's stations hold, read with the emergency key (and the public station reads).</summary>
    private async Task<Dictionary<string, string>> SnapshotOfCountyBAsync()
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        string range = $"from={Uri.EscapeDataString(LeakNetwork.Iso(_network.Hour.AddHours(-30)))}&to={Uri.EscapeDataString(LeakNetwork.Iso(_network.Hour.AddHours(2)))}";
        foreach (LeakStation station in LeakNetwork.All.Where(s => s.Region == LeakNetwork.CountyB))
        {
            // The state and the steps of people (the system's own steps — cleared, reviewed — may come at any time).
            JsonElement alarm = (await SendAsync(HttpMethod.Get, $"/api/v1/alarms/{_network.AlarmOf[station.Mn]}", null)).Json!.Value;
            snapshot[$"the alarm of {station.Label}"] = string.Join(' ', [alarm.GetProperty("alarm").GetProperty("state").GetString(),
                .. alarm.GetProperty("timeline").EnumerateArray().Where(s => s.GetProperty("actor").GetString() != "system")
                    .Select(s => $"{s.GetProperty("action").GetString()} by {s.GetProperty("actor").GetString()}")]);
            snapshot[$"the registration of {station.Label}"] = (await SendAsync(HttpMethod.Get, $"/api/v1/stations/{station.Mn}", null)).Body;
            snapshot[$"the values of {station.Label}"] = (await SendAsync(HttpMethod.Get, $"/api/v1/stations/{station.Mn}/observations?{range}", null)).Body;
            snapshot[$"the reviewed values of {station.Label}"] = (await SendAsync(HttpMethod.Get, $"/api/v1/stations/{station.Mn}/reviewed?{range}", null)).Body;
            snapshot[$"the permit limits of {station.Label}"] = (await SendAsync(HttpMethod.Get, $"/api/v1/stations/{station.Mn}/permit-limits", null)).Body;
        }

        JsonElement setAside = (await SendAsync(HttpMethod.Get, "/api/v1/work/set-aside", null)).Json!.Value;
        snapshot[$"the set-aside work of {LeakNetwork.AirB.Label}"] = string.Join(' ', setAside.EnumerateArray()
            .Where(w => w.GetProperty("station").GetString() == LeakNetwork.AirB.Mn).Select(w => w.GetProperty("id").GetInt64()).Order());
        snapshot[$"the registration of {NewInB.Label}"] = ((int)(await SendAsync(HttpMethod.Get, $"/api/v1/stations/{NewInB.Mn}", null)).Status).ToString(CultureInfo.InvariantCulture);
        return snapshot;
    }

    private async Task CompareWithSnapshotAsync(Dictionary<string, string> before)
    {
        foreach ((string what, string now) in await SnapshotOfCountyBAsync())
        {
            if (before[what] != now)
            {
                int from = Math.Max(0, before[what].Zip(now).TakeWhile(p => p.First == p.Second).Count() - 100);
                _wrong.Add($"after the calls of people outside county B, {what} changed (from character {from}):\n    before: {Shorten(before[what], from)}\n    after:  {Shorten(now, from)}");
            }
        }
    }

    private static string Shorten(string text, int from) =>
        (from > 0 ? "…" : "") + (text.Length - from <= 300 ? text[Math.Min(from, text.Length)..] : text[from..(from + 300)] + "…");
}
