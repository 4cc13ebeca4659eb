using System.Text.Json;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Every GET endpoint of the OpenAPI document, called with values that cannot be true (years 9999 and 0001, huge and
/// negative numbers, very long text) in every query parameter it declares: each answers with a client error or a
/// result, never 500. Endpoints are found from the document, so a new one is covered without a change here.
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

            string route = FillRoute(path.Name);
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
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{(int)response.StatusCode} GET {path.Name}?{prefix}{parameter}={value[..Math.Min(value.Length, 30)]}");
                        }
                    }
                }
            }
        }

        Assert.True(calls > 500, $"only {calls} calls: the OpenAPI document lists fewer GET endpoints or parameters than expected");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls answered 5xx:\n" + string.Join('\n', failures));
    }

    private static IEnumerable<string?> Parameters(JsonElement operation, string location) =>
        operation.TryGetProperty("parameters", out JsonElement parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == location).Select(p => p.GetProperty("name").GetString()!)
            : [];

    private static string FillRoute(string template) => System.Text.RegularExpressions.Regex.Replace(template, "{([^}:]+)(:[^}]*)?}", m => m.Groups[1].Value switch
    {
        "mn" or "station" => "1431A",
        "id" => "1",
        "region" or "code" => "510100",
        _ => "x",
    });
}
