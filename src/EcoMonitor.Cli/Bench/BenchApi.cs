using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoMonitor.Cli.Bench;

/// <summary>
/// The platform's statistics as the benchmarks read them: <c>GET /api/v1/ingest/stats</c> is for staff, so the
/// benchmarks send the administrator's bearer key (<c>--key</c>, or the environment variable <see cref="KeyVariable"/>).
/// </summary>
internal static class BenchApi
{
    /// <summary>The environment variable a key is taken from when <c>--key</c> is not given.</summary>
    public const string KeyVariable = "ECOMON_API_KEY";

    /// <summary>The <c>--key</c> option of a benchmark command.</summary>
    public static Option<string?> KeyOption() => new("--key")
    {
        Description = $"The administrator's API key (Security:BootstrapAdminKey), for /api/v1/ingest/stats; default ${KeyVariable}.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(KeyVariable),
    };

    /// <summary>A client of <paramref name="api"/> that sends <paramref name="key"/> as a bearer key when given.</summary>
    public static HttpClient StatsClient(Uri api, TimeSpan timeout, string? key)
    {
        HttpClient client = new() { BaseAddress = api, Timeout = timeout };
        if (!string.IsNullOrEmpty(key))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>The statistics (after a full garbage collection on the server when <paramref name="collect"/>).</summary>
    /// <exception cref="BenchAccessException">The server refused the key (or its absence).</exception>
    public static async Task<JsonElement> StatsAsync(HttpClient client, bool collect, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await client.GetAsync(
            new Uri(collect ? "api/v1/ingest/stats?gc=true" : "api/v1/ingest/stats", UriKind.Relative), cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new BenchAccessException(
                $"GET /api/v1/ingest/stats answered {(int)response.StatusCode}: give the administrator's key with --key or {KeyVariable}");
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
