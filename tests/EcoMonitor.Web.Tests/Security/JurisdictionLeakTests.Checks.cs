using System.Net;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>The checks of <see cref="JurisdictionLeakTests"/>: each adds a readable violation instead of failing at once.</summary>
public sealed partial class JurisdictionLeakTests
{
    /// <summary>
    /// The answer names nothing outside the viewer's scope: no MN, no permit number (searched in the raw body), no alarm
    /// (an object with its id and a rule). The MNs the request itself <paramref name="named"/> may be echoed (a refusal
    /// saying which MN it refused tells the caller nothing it did not send; that it reads like an unknown MN's is
    /// checked by the callers).
    /// </summary>
    private void CheckNothingHidden(Viewer viewer, HttpMethod method, string path, Answer answer, params string[] named)
    {
        var shown = new List<string>();
        string body = named.Aggregate(answer.Body, (b, mn) => b.Replace(mn, "{named}", StringComparison.Ordinal));
        foreach (LeakStation station in LeakNetwork.All.Where(s => !viewer.Sees(s)))
        {
            if (body.Contains(station.Mn, StringComparison.Ordinal))
            {
                shown.Add($"{station.Label} ({station.Mn})");
            }
            else if (station.PermitNumber is { } permit && body.Contains(permit, StringComparison.Ordinal))
            {
                shown.Add($"the permit number of {station.Label}");
            }

            long alarm = _network.AlarmOf[station.Mn];
            if (AlarmIds(answer).Contains(alarm))
            {
                shown.Add($"alarm {alarm} of {station.Label}");
            }
        }

        if (shown.Count > 0)
        {
            _wrong.Add($"{viewer.Name}: {method} {path} ({(int)answer.Status}) shows {string.Join(", ", shown)}");
        }
    }

    /// <summary>A resource outside the scope answers exactly as an unknown one (status and problem type), a read 404 (403 without the permission), and shows nothing.</summary>
    private void CheckLikeUnknown(Viewer viewer, HttpMethod method, string path, Answer answer, Answer unknown, LeakStation station)
    {
        CheckNothingHidden(viewer, method, path, answer, station.Mn);
        if (answer.Shape != unknown.Shape)
        {
            _wrong.Add($"{viewer.Name}: {method} {path} answered {answer.Shape} for {station.Label}, but {unknown.Shape} for an unknown one");
        }
        else if (method == HttpMethod.Get ? answer.Status is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) : answer.IsSuccess)
        {
            _wrong.Add($"{viewer.Name}: {method} {path} answered {answer.Shape} for {station.Label} (and for an unknown one), expected a 404");
        }
    }

    /// <summary>
    /// Positive control of a list: every station of the network that the emergency key's answer names and that lies in
    /// the viewer's scope is named in the viewer's answer too.
    /// </summary>
    private async Task CheckListShowsScopeAsync(Viewer viewer, string path, Answer answer)
    {
        Answer admin = await AdminAsync(path);
        LeakStation[] listed = [.. LeakNetwork.All.Where(s => admin.Body.Contains(s.Mn, StringComparison.Ordinal))];
        if (listed.Length == 0)
        {
            Note($"GET {path}: names none of the test's stations to the emergency key ({admin.Shape}); only its leaks are checked");
            return;
        }

        if (answer.Status != admin.Status)
        {
            _wrong.Add($"{viewer.Name}: GET {path} answered {answer.Shape}, the emergency key {admin.Shape} (positive control)");
            return;
        }

        string[] missing = [.. listed.Where(s => viewer.Sees(s) && !answer.Body.Contains(s.Mn, StringComparison.Ordinal)).Select(s => s.Label)];
        if (missing.Length > 0)
        {
            _wrong.Add($"{viewer.Name}: GET {path} does not list {string.Join(", ", missing)}, in the scope ({viewer.Scope}) (positive control)");
        }
    }

    /// <summary>
    /// Positive control of a single resource in the scope: answered as the emergency key is (403 without the permission),
    /// and showing the station (MN, permit number) or alarm (its id) wherever the key's answer does — else, when the
    /// key's answer is a non-empty array, a non-empty array.
    /// </summary>
    private async Task CheckSingleShowsAsync(Viewer viewer, string path, Answer answer, LeakStation station, long? alarm, bool permitted)
    {
        CheckNothingHidden(viewer, HttpMethod.Get, path, answer);
        if (!permitted)
        {
            if (answer.Status != HttpStatusCode.Forbidden)
            {
                _wrong.Add($"{viewer.Name}: GET {path} answered {answer.Shape} without the permission");
            }

            return;
        }

        Answer admin = await AdminAsync(path);
        if (answer.Status != admin.Status)
        {
            _wrong.Add($"{viewer.Name}: GET {path} answered {answer.Shape} for {station.Label}, in the scope ({viewer.Scope}); the emergency key {admin.Shape} (positive control)");
            return;
        }

        string[] markers = [.. Shown(admin, station, alarm)];
        if (markers.Length > 0)
        {
            string[] missing = [.. markers.Except(Shown(answer, station, alarm))];
            if (missing.Length > 0)
            {
                _wrong.Add($"{viewer.Name}: GET {path} does not show {string.Join(", ", missing)} of {station.Label}, in the scope (positive control)");
            }
        }
        else if (admin.Json is { ValueKind: JsonValueKind.Array } all && all.GetArrayLength() > 0)
        {
            if (answer.Json is not { ValueKind: JsonValueKind.Array } mine || mine.GetArrayLength() != all.GetArrayLength())
            {
                _wrong.Add($"{viewer.Name}: GET {path} answered {answer.Body.Length} characters for {station.Label}, in the scope; the emergency key {all.GetArrayLength()} items (positive control)");
            }
        }
        else
        {
            Note($"GET {path}: shows nothing of {station.Label} to the emergency key ({admin.Shape}, {admin.Body.Length} characters)");
        }
    }

    /// <summary>What <paramref name="answer"/> shows of <paramref name="station"/>: its MN, its permit number, its <paramref name="alarm"/>.</summary>
    private static IEnumerable<string> Shown(Answer answer, LeakStation station, long? alarm)
    {
        if (answer.Body.Contains(station.Mn, StringComparison.Ordinal))
        {
            yield return station.Mn;
        }

        if (station.PermitNumber is { } permit && answer.Body.Contains(permit, StringComparison.Ordinal))
        {
            yield return permit;
        }

        if (alarm is { } id && AlarmIds(answer).Contains(id))
        {
            yield return $"alarm {id}";
        }
    }

    /// <summary>The ids of the alarms in <paramref name="answer"/>: of every JSON object with a <c>ruleId</c> and a numeric <c>id</c>, at any depth.</summary>
    private static HashSet<long> AlarmIds(Answer answer)
    {
        var ids = new HashSet<long>();
        if (answer.Json is { } json)
        {
            Collect(json);
        }

        return ids;

        void Collect(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Collect(item);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("ruleId", out _) && element.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.Number)
                {
                    ids.Add(id.GetInt64());
                }

                foreach (JsonProperty property in element.EnumerateObject())
                {
                    Collect(property.Value);
                }
            }
        }
    }

    private void Note(string note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }
}
