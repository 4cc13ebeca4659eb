using System.Globalization;
using System.Net;
using System.Text.Json;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// The zero-leak test of jurisdictions and enterprises (issue 14, ADR 0036 phase 2), black box over HTTP: a person of
/// county A (锦江区 510104, every staff role but the administrators') and an enterprise user of 甲企业 in county A call
/// every operation of the OpenAPI document that names a permission, with county B's stations (金牛区 510106), their
/// alarms and set-aside work in the route, and their lists with and without filters. Nothing they are answered names
/// what lies outside their scope (by MN, permit number or alarm id, searched in the raw body); a single resource outside
/// it answers exactly as an unknown one (404 for a read); writes on it are refused and change nothing (checked with the
/// emergency key afterwards). Positive controls, so that the test can fail: the same calls with county A's own stations
/// answer as they answer the emergency key and show them, and a person of 成都市 (510100) sees both counties.
/// Public operations (no permission in the document) stay unfiltered and are not called. Every violation is collected,
/// so one run lists every leak.
/// </summary>
[Trait("Area", "Security")]
public sealed partial class JurisdictionLeakTests
{
    private static readonly Role[] StaffRoles = [Role.DataReviewer, Role.NetworkOperator, Role.Manager, Role.Enforcement];

    private readonly List<string> _wrong = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, Answer> _adminAnswers = new(StringComparer.Ordinal);
    private HttpClient _client = null!;
    private LeakNetwork _network = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PeopleOfCountyAAndOfAnEnterprise_SeeAndChangeNothingOutsideTheirScope_WhileTheCitySeesBothCounties()
    {
        DirectoryInfo directory = Directory.CreateTempSubdirectory("ecomon-leak-");
        try
        {
            string rules = Path.Combine(directory.FullName, "alarm-rules.json");
            await File.WriteAllTextAsync(rules, """{ "channels": [], "rules": [] }""", Ct);
            await using var api = ApiFactory.With(new Dictionary<string, string?>
            {
                ["Accounts:TwoFactorForEnforcement"] = "false",
                ["Alarms:RulesFile"] = rules,
                ["Alarms:CheckInterval"] = "00:00:00.200",
                ["Work:SweepInterval"] = "00:00:01",
                ["Work:SweepGrace"] = "00:00:01",
                ["Work:RetryDelay"] = "00:00:00.200",
                ["Work:MaxRetryDelay"] = "00:00:01",
                ["Work:CompletionInterval"] = "00:00:00.200",
            });
            _network = await LeakNetwork.SeedAsync(api);
            Uri server = api.Client.BaseAddress!;
            using HttpClient client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server };
            _client = client;

            Viewer countyA = await ViewerAsync(api, "county.a", StaffRoles, LeakNetwork.CountyA, null);
            Viewer enterprise = await ViewerAsync(api, "ent.jia", [Role.EnterpriseUser], LeakNetwork.CountyA, LeakNetwork.Jia);
            Viewer city = await ViewerAsync(api, "city.chengdu", StaffRoles, LeakNetwork.City, null);
            Dictionary<string, string> before = await SnapshotOfCountyBAsync();

            IReadOnlyList<StaffOperation> operations = StaffOperation.AllIn(await api.GetJsonAsync("/openapi/v1.json"));
            int calls = 0;
            foreach (Viewer viewer in new[] { countyA, enterprise, city })
            {
                calls += await WalkAsync(viewer, operations);
                await FilteredListsAsync(viewer);
                await AlarmStatisticsAsync(viewer);
                await RejectedFramesAsync(viewer);
            }

            await WritesOutsideTheScopeAsync(countyA);
            await CompareWithSnapshotAsync(before);

            TestContext.Current.TestOutputHelper?.WriteLine($"{calls} calls of {operations.Count} staff operations; notes:\n" + string.Join('\n', _notes));
            Assert.True(operations.Count > 30, $"only {operations.Count} staff operations in the OpenAPI document");
            Assert.True(_wrong.Count == 0, $"{_wrong.Count} violations of the jurisdiction scope:\n" + string.Join('\n', _wrong));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Every staff operation called by <paramref name="viewer"/>: those with a station or an alarm / set-aside work in
    /// the route once per station of the network (in scope: as the emergency key is answered and showing it; out of
    /// scope: as an unknown one, nothing named), the others once without parameters (in scope listed as the key sees
    /// them, nothing out of scope named). Returns the number of calls.
    /// </summary>
    private async Task<int> WalkAsync(Viewer viewer, IReadOnlyList<StaffOperation> operations)
    {
        int calls = 0;
        foreach (StaffOperation operation in operations)
        {
            bool permitted = viewer.Permissions.Contains(operation.Permission);
            if (operation.Kind == TargetKind.None)
            {
                string path = operation.Fill(null);
                Answer answer = await SendAsync(operation.Method, path, viewer.Cookie);
                calls++;
                CheckNothingHidden(viewer, operation.Method, path, answer);
                if (operation.IsRead && permitted)
                {
                    await CheckListShowsScopeAsync(viewer, path, answer);
                }

                continue;
            }

            Answer unknown = await SendAsync(operation.Method, operation.Fill(operation.Kind switch
            {
                TargetKind.Station => LeakNetwork.UnknownMn,
                TargetKind.Alarm => LeakNetwork.UnknownAlarm.ToString(CultureInfo.InvariantCulture),
                _ => LeakNetwork.UnknownSetAside.ToString(CultureInfo.InvariantCulture),
            }), viewer.Cookie);
            calls++;
            foreach (LeakStation station in LeakNetwork.All)
            {
                long alarm = _network.AlarmOf[station.Mn];
                string? target = operation.Kind switch
                {
                    TargetKind.Station => station.Mn,
                    TargetKind.Alarm => alarm.ToString(CultureInfo.InvariantCulture),
                    _ => _network.SetAsideOf.TryGetValue(station.Mn, out long[]? ids) ? ids[0].ToString(CultureInfo.InvariantCulture) : null,
                };
                if (target is null)
                {
                    continue;
                }

                string path = operation.Fill(target);
                if (viewer.Sees(station))
                {
                    if (operation.IsRead)
                    {
                        await CheckSingleShowsAsync(viewer, path, await SendAsync(HttpMethod.Get, path, viewer.Cookie), station, operation.Kind == TargetKind.Alarm ? alarm : null, permitted);
                        calls++;
                    }

                    continue;
                }

                Answer answer = await SendAsync(operation.Method, path, viewer.Cookie);
                calls++;
                CheckLikeUnknown(viewer, operation.Method, path, answer, unknown, station);
            }
        }

        return calls;
    }

    /// <summary>The lists with a filter naming what lies outside the scope: empty of it, or answered as for an unknown station.</summary>
    private async Task FilteredListsAsync(Viewer viewer)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal) { "/api/v1/falsification?minScore=0" };
        foreach (LeakStation station in LeakNetwork.All.Where(s => !viewer.Sees(s)))
        {
            paths.Add($"/api/v1/alarms?station={station.Mn}");
            paths.Add($"/api/v1/alarms?region={station.Region}");
            paths.Add($"/api/v1/alarms/statistics?region={station.Region}&by=enterprise");
            paths.Add($"/api/v1/completeness?region={station.Region}");
            if (station.Enterprise is { } enterprise)
            {
                paths.Add($"/api/v1/alarms?enterprise={Uri.EscapeDataString(enterprise)}");
            }

            Answer queue = await SendAsync(HttpMethod.Get, $"/api/v1/review/queue?station={station.Mn}", viewer.Cookie);
            Answer unknownQueue = await SendAsync(HttpMethod.Get, $"/api/v1/review/queue?station={LeakNetwork.UnknownMn}", viewer.Cookie);
            CheckLikeUnknown(viewer, HttpMethod.Get, $"/api/v1/review/queue?station={station.Mn}", queue, unknownQueue, station);
        }

        foreach (string path in paths)
        {
            CheckNothingHidden(viewer, HttpMethod.Get, path, await SendAsync(HttpMethod.Get, path, viewer.Cookie));
        }
    }

    /// <summary>The console status counts only the rejected frames of stations in the scope (one from each air station).</summary>
    private async Task RejectedFramesAsync(Viewer viewer)
    {
        if (!viewer.Permissions.Contains(Permission.NetworkRead))
        {
            return;
        }

        const string path = "/api/v1/console/stations/status";
        Answer answer = await SendAsync(HttpMethod.Get, path, viewer.Cookie);
        long counted = answer.Json is { } status ? LeakNetwork.RejectedFrames(status) : -1;
        int expected = LeakNetwork.All.Count(s => !s.IsOutlet && viewer.Sees(s));
        if (counted != expected)
        {
            _wrong.Add($"{viewer.Name}: GET {path} counts {counted} rejected frames of the last 24 hours; {expected} of them came from stations in the scope ({viewer.Scope})");
        }
    }

    /// <summary>
    /// The alarm statistics count only the alarms in scope: by every grouping, the totals add up to the alarms (as the
    /// emergency key lists them) of stations in the scope; an enterprise user's groups are its enterprise's only.
    /// </summary>
    private async Task AlarmStatisticsAsync(Viewer viewer)
    {
        if (!viewer.Permissions.Contains(Permission.AlarmsRead))
        {
            return;
        }

        JsonElement all = JsonDocument.Parse((await AdminAsync("/api/v1/alarms?limit=5000")).Body).RootElement;
        int expected = all.EnumerateArray().Count(a => viewer.Sees(a.GetProperty("region").GetString()!, a.GetProperty("enterprise").GetString()));
        foreach (string by in new[] { "region", "enterprise", "rule", "severity" })
        {
            string path = $"/api/v1/alarms/statistics?by={by}";
            Answer answer = await SendAsync(HttpMethod.Get, path, viewer.Cookie);
            if (answer.Status != HttpStatusCode.OK)
            {
                _wrong.Add($"{viewer.Name}: GET {path} answered {answer.Shape} (positive control)");
                continue;
            }

            JsonElement[] groups = [.. JsonDocument.Parse(answer.Body).RootElement.GetProperty("groups").EnumerateArray()];
            int total = groups.Sum(g => g.GetProperty("total").GetInt32());
            if (total != expected)
            {
                _wrong.Add($"{viewer.Name}: GET {path} counts {total} alarms; {expected} of the alarms lie in the scope ({viewer.Scope})");
            }

            string[] foreign = by switch
            {
                "region" => [.. groups.Select(g => g.GetProperty("key").GetString()!).Where(k => !viewer.Sees(k, viewer.Enterprise))],
                "enterprise" when viewer.Enterprise is not null => [.. groups.Select(g => g.GetProperty("key").GetString()!).Where(k => k != viewer.Enterprise)],
                _ => [],
            };
            if (foreign.Length > 0)
            {
                _wrong.Add($"{viewer.Name}: GET {path} has groups outside the scope ({viewer.Scope}): {string.Join(", ", foreign)}");
            }
        }
    }
}
