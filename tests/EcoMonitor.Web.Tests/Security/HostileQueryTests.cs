using System.Text.Json;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Every GET endpoint of the OpenAPI document, called with values that cannot be true (years 9999 and 0001, huge and
/// negative numbers, very long text) in every query parameter it declares: each answers with a client error or a
/// result, never 500; and every GET endpoint not on the public list, and every write but signing in and out, refuses
/// a stranger (the roles today: anonymous and administrator; issue 14 adds the others) with a 401 problem. Every error
/// answer is an RFC 9457 problem (Contract/ProblemContractTests checks more). Endpoints are found from the document, so
/// a new one is covered without a change here.
/// </summary>
[Trait("Area", "Security")]
public sealed class HostileQueryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] HostileValues =
    [
        "9999-12-31T23:00:00+08:00", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-12:00", "9999-12-31", "0001-01-01",
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "1999-12-31", "2100-01-02", "9999",
        "9999-Q4", "-1", "0", "2147483648", "-9223372036854775809", "1e309", "NaN", new string('9', 5000), "'; DROP TABLE station; --",
    ];

    /// <summary>
    /// What the public may read (the portal's data: stations, values, evaluations, rankings, downloads). Everything
    /// else — alarms and their evidence, rules and permit limits, quality findings, completeness, falsification
    /// suspicion, the review queue, ingest figures, the audit trail — is for staff. Besides: the first-run set-up's
    /// status and the start of a sign-in through the identity provider.
    /// </summary>
    private static readonly string[] PublicReads =
    [
        "/api/v1/stations", "/api/v1/stations/{mn}", "/api/v1/stations/{mn}/latest", "/api/v1/stations/{mn}/observations",
        "/api/v1/parameters", "/api/v1/stations/{mn}/aqi", "/api/v1/regions/{code}/aqi", "/api/v1/stations/{mn}/water",
        "/api/v1/water/sections", "/api/v1/stations/{mn}/noise", "/api/v1/stations/{mn}/statistics", "/api/v1/regions/{code}/statistics",
        "/api/v1/rankings/cities", "/api/v1/rankings/counties", "/api/v1/dust-days", "/api/v1/rankings/water/cities", "/api/v1/rankings/water/basins", "/api/v1/water/lakes/trophic", "/api/v1/aqi/current/stations", "/api/v1/aqi/current/cities",
        "/api/v1/aqi/levels", "/api/v1/downloads/aqi-hourly.csv", "/api/v1/downloads/water-daily.csv", "/api/v1/setup",
        "/api/v1/console/login/oidc", "/api/v1/reports", "/api/v1/reports/{id}",
        "/api/v1/targets", "/api/v1/regions/{code}/targets/{year}/progress",
    ];

    /// <summary>The writes a stranger may call: signing in and out of the console, and the first-run set-up.</summary>
    // The sign-in (its code step after the identity provider: its credential is the step's cookie and the code), the
    // sign-out and the first-run set-up (whose credential is the one-time token in the body).
    private static readonly string[] PublicWrites = ["/api/v1/console/login", "/api/v1/console/login/oidc/code", "/api/v1/console/logout", "/api/v1/setup"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryGetEndpoint_WithImpossibleQueryValues_NeverAnswers500()
    {
        JsonElement document = await api.GetJsonAsync("/openapi/v1.json");
        var failures = new List<string>();
        int calls = 0;
        foreach (JsonProperty path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out JsonElement get))
            {
                continue;
            }

            string route = OpenApiRoutes.Fill(path.Name);
            // One parameter at a time, the others left to their defaults (and once more with daily values where the
            // endpoint has an interval): a hostile value must reach the code that uses it.
            string[] query = [.. Parameters(get, "query").OfType<string>()];
            string[] prefixes = query.Contains("interval") ? ["", "interval=day&"] : [""];
            foreach (string? parameter in query.Where(q => q != "interval").Prepend(null))
            {
                foreach (string value in parameter is null ? [""] : HostileValues)
                {
                    foreach (string prefix in prefixes)
                    {
                        string url = parameter is null ? route : $"{route}?{prefix}{parameter}={Uri.EscapeDataString(value)}";
                        using HttpResponseMessage response = await api.GetAsync(url, ApiFactory.AdminKey);
                        calls++;
                        string? problem = (int)response.StatusCode >= 400 ? ProblemAssert.Problem(response, await response.Content.ReadAsStringAsync(Ct)) : null;
                        if ((int)response.StatusCode >= 500 || problem is not null)
                        {
                            failures.Add($"{(int)response.StatusCode} GET {path.Name}?{prefix}{parameter}={value[..Math.Min(value.Length, 30)]} {problem}");
                        }
                    }
                }
            }
        }

        Assert.True(calls > 500, $"only {calls} calls: the OpenAPI document lists fewer GET endpoints or parameters than expected");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls answered 5xx or an error that is not a problem:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task EveryGetEndpoint_NotOnThePublicList_RefusesAStranger()
    {
        JsonElement document = await api.GetJsonAsync("/openapi/v1.json");
        JsonProperty[] operations = [.. document.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _))];
        string[] gets = [.. operations.Select(p => p.Name)];
        // The document says the same: the public reads are exactly those without the staff security requirement.
        Assert.Equal(
            PublicReads.Order(StringComparer.Ordinal),
            operations.Where(p => !p.Value.GetProperty("get").TryGetProperty("security", out _)).Select(p => p.Name).Order(StringComparer.Ordinal));
        var leaks = new List<string>();
        foreach (string path in gets.Except(PublicReads, StringComparer.Ordinal))
        {
            using HttpResponseMessage response = await api.GetAsync(OpenApiRoutes.Fill(path));
            string? problem = ProblemAssert.Problem(response, await response.Content.ReadAsStringAsync(Ct));
            if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized || problem is not null)
            {
                leaks.Add($"{(int)response.StatusCode} GET {path} {problem}");
            }
        }

        Assert.True(gets.Length > 30, $"only {gets.Length} GET endpoints in the OpenAPI document");
        Assert.True(leaks.Count == 0,
            "answered a stranger (add the endpoint to PublicReads only if the public portal may show it, else require staff):\n" + string.Join('\n', leaks));
    }

    [Fact]
    public async Task EveryWriteEndpoint_ButSignInAndOut_RefusesAStranger()
    {
        JsonElement document = await api.GetJsonAsync("/openapi/v1.json");
        var writes = new List<(string Method, string Path)>();
        foreach (JsonProperty path in document.GetProperty("paths").EnumerateObject())
        {
            writes.AddRange(path.Value.EnumerateObject().Where(o => o.Name is "post" or "put" or "delete" or "patch").Select(o => (o.Name.ToUpperInvariant(), path.Name)));
        }

        var answered = new List<string>();
        foreach ((string method, string path) in writes.Where(w => !PublicWrites.Contains(w.Path, StringComparer.Ordinal)))
        {
            using HttpResponseMessage response = await api.SendJsonAsync(new HttpMethod(method), OpenApiRoutes.Fill(path), "{}", key: null);
            string? problem = ProblemAssert.Problem(response, await response.Content.ReadAsStringAsync(Ct));
            if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized || problem is not null)
            {
                answered.Add($"{(int)response.StatusCode} {method} {path} {problem}");
            }
        }

        Assert.True(writes.Count >= 8, $"only {writes.Count} write endpoints in the OpenAPI document");
        Assert.True(answered.Count == 0, "a write answered a stranger otherwise than 401:\n" + string.Join('\n', answered));
    }

    private static IEnumerable<string?> Parameters(JsonElement operation, string location) =>
        operation.TryGetProperty("parameters", out JsonElement parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == location).Select(p => p.GetProperty("name").GetString()!)
            : [];
}
