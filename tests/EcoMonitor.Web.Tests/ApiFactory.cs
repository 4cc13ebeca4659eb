using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace EcoMonitor.Web.Tests;

/// <summary>
/// The real host on real Kestrel (HTTP and the HJ 212 TCP port on loopback), with a fresh SQLite file, the shipped
/// sample network and parameter catalog. Tests talk to it only over HTTP and TCP, through the intent methods here.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-bootstrap-admin-key-7f3c";

    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-web-").FullName;
    private readonly Dictionary<string, string?> _settings = [];
    private HttpClient? _client;

    public ApiFactory()
    {
        _settings["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{HttpPort}";
        _settings["Storage:Sqlite:Path"] = Path.Combine(_directory, "ecomonitor.db");
        _settings["Gateway:Port"] = GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["Security:BootstrapAdminKey"] = AdminKey;
        _settings["Registry:StationsFile"] = RepoFiles.Path("samples/network/stations.json");
        _settings["Registry:ParametersFile"] = RepoFiles.Path("config/parameters.json");
        _settings["Quality:RulesFile"] = RepoFiles.Path("config/quality-rules.json");
        // The fewest iterations a hash may have: every host hashes the 220 sample passwords on its first start.
        _settings["Registry:PasswordHashIterations"] = "1000";
        _settings["Samples:HistoryFile"] = string.Empty;
        _settings["Samples:ObservationsFile"] = string.Empty;
        _settings["Samples:PermitLimitsFile"] = string.Empty;
        _settings["Samples:DemonstrationFile"] = string.Empty;
        UseKestrel();
    }

    /// <summary>A factory whose host also gets <paramref name="settings"/> (applied last, so they win).</summary>
    public static ApiFactory With(IReadOnlyDictionary<string, string?> settings)
    {
        ApiFactory factory = new();
        foreach (KeyValuePair<string, string?> setting in settings)
        {
            factory._settings[setting.Key] = setting.Value;
        }

        return factory;
    }

    public int HttpPort { get; } = FreeTcpPort.Next();

    public int GatewayPort { get; } = FreeTcpPort.Next();

    public string DatabasePath => _settings["Storage:Sqlite:Path"]!;

    /// <summary>An anonymous client of the running server (starts it on first use).</summary>
    public HttpClient Client
    {
        get
        {
            if (_client is null)
            {
                StartServer();
                _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };
            }

            return _client;
        }
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async Task<HttpResponseMessage> RegisterStationAsync(string json, string? key = AdminKey) =>
        await SendAsync(HttpMethod.Post, "/api/v1/stations", new StringContent(json, Encoding.UTF8, "application/json"), key);

    public async Task<HttpResponseMessage> ImportAsync(string body, string mediaType, string query = "", string? key = AdminKey) =>
        await SendAsync(HttpMethod.Post, "/api/v1/observations/import" + query, new StringContent(body, Encoding.UTF8, mediaType), key);

    /// <summary>Sends a JSON body with <paramref name="method"/> (with the admin key unless <paramref name="key"/> is null).</summary>
    public async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json, string? key = AdminKey) =>
        await SendAsync(method, path, new StringContent(json, Encoding.UTF8, "application/json"), key);

    public async Task<HttpResponseMessage> GetAsync(string path) =>
        await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public async Task<HttpResponseMessage> GetAsync(string path, string? key) =>
        await SendAsync(HttpMethod.Get, path, null, key);

    public async Task<string> GetStringAsync(string path) =>
        await Client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using HttpResponseMessage response = await GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await ReadJsonAsync(response);
    }

    /// <summary>A staff read: <paramref name="path"/> with this host's administrator key.</summary>
    public async Task<JsonElement> StaffJsonAsync(string path)
    {
        using HttpResponseMessage response = await GetAsync(path, StaffKey);
        response.EnsureSuccessStatusCode();
        return await ReadJsonAsync(response);
    }

    /// <summary>This host's administrator key (<c>Security:BootstrapAdminKey</c>).</summary>
    public string? StaffKey => _settings["Security:BootstrapAdminKey"];

    /// <summary>
    /// Asks <paramref name="path"/> (with <paramref name="key"/> when given) until <paramref name="isDone"/> holds for the
    /// answer (work of a background worker), at most <paramref name="seconds"/> seconds; returns the last answer either
    /// way, for the test to assert on.
    /// </summary>
    public async Task<JsonElement> WaitForJsonAsync(string path, Func<JsonElement, bool> isDone, int seconds = 30, string? key = null)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            JsonElement result;
            using (HttpResponseMessage response = await GetAsync(path, key))
            {
                response.EnsureSuccessStatusCode();
                result = await ReadJsonAsync(response);
            }

            if (isDone(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Asks <c>/health/ready</c> until it answers 200 (the store answers and the work pending at start is done), at most
    /// <paramref name="seconds"/> seconds; returns every body it answered meanwhile in order (without repeats), for the test to assert on.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitUntilReadyAsync(int seconds = 60)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        List<string> answers = [];
        while (true)
        {
            using HttpResponseMessage response = await GetAsync("/health/ready");
            string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (answers.Count == 0 || answers[^1] != body)
            {
                answers.Add(body);
            }

            if (response.StatusCode == System.Net.HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return answers;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Current.CancellationToken);

    public async Task<JsonElement> ObservationsAsync(string mn, string query) =>
        await GetJsonAsync($"/api/v1/stations/{mn}/observations?{query}");

    /// <summary>The ingest statistics (staff only: read with this host's administrator key).</summary>
    public async Task<JsonElement> StatsAsync() => await StaffJsonAsync("/api/v1/ingest/stats");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));

    protected override void Dispose(bool disposing)
    {
        _client?.Dispose();
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finishing background thread; the OS temp cleaner removes it.
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? key)
    {
        using HttpRequestMessage request = new(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
