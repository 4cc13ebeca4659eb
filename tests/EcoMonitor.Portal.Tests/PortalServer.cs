using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// The real host on real Kestrel (loopback, free ports) with a fresh SQLite file, the shipped sample network and a
/// console password; the browser talks to <see cref="BaseUrl"/>. Test data arrive through the import API.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public const string AdminKey = "portal-test-admin-key-51c9";
    public const string ConsoleUser = "zhang.wei";
    public const string ConsolePassword = "Portal-Test-3e7a!";

    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-portal-").FullName;
    private readonly Dictionary<string, string?> _settings = [];
    private HttpClient? _client;

    private readonly bool _withConsoleUser;

    /// <summary>
    /// A server; unless <paramref name="withConsoleUser"/> is false, with the account <see cref="ConsoleUser"/>
    /// (<see cref="ConsolePassword"/>; a data reviewer, network operator, manager and enforcement officer of Jiangsu,
    /// without an authenticator) made at start as the administrators would.
    /// </summary>
    public PortalServer(string? stationsFile = null, bool withConsoleUser = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _withConsoleUser = withConsoleUser;
        _settings["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{HttpPort}";
        _settings["Storage:Sqlite:Path"] = Path.Combine(_directory, "ecomonitor.db");
        _settings["Gateway:Port"] = GatewayPort.ToString(CultureInfo.InvariantCulture);
        _settings["Security:BootstrapAdminKey"] = AdminKey;
        // The console user's roles include enforcement; the browser tests sign in without an authenticator.
        _settings["Accounts:TwoFactorForEnforcement"] = "false";
        _settings["Registry:StationsFile"] = stationsFile ?? RepoFiles.Path("samples/network/stations.json");
        _settings["Registry:ParametersFile"] = RepoFiles.Path("config/parameters.json");
        _settings["Samples:HistoryFile"] = string.Empty;
        _settings["Samples:ObservationsFile"] = string.Empty;
        _settings["Samples:PermitLimitsFile"] = string.Empty;
        _settings["Samples:DemonstrationFile"] = string.Empty;
        _settings["Quality:RulesFile"] = RepoFiles.Path("config/quality-rules.json");
        _settings["Registry:PasswordHashIterations"] = "1000";
        _settings["Alarms:RulesFile"] = RepoFiles.Path("config/alarm-rules.json");
        // Warnings and errors only: a failing run prints the servers' output, which must not bury the failure.
        _settings["Logging:LogLevel:Default"] = "Warning";
        foreach (KeyValuePair<string, string?> setting in settings ?? new Dictionary<string, string?>())
        {
            _settings[setting.Key] = setting.Value;
        }

        UseKestrel();
    }

    public int HttpPort { get; } = FreeTcpPort.Next();

    public int GatewayPort { get; } = FreeTcpPort.Next();

    public string BaseUrl => $"http://127.0.0.1:{HttpPort}";

    public string TempDirectory => _directory;

    /// <summary>The server's SQLite file.</summary>
    public string DatabasePath => _settings["Storage:Sqlite:Path"]!;

    /// <summary>A client of the running server (starts it on first use).</summary>
    public HttpClient Client
    {
        get
        {
            if (_client is null)
            {
                StartServer();
                _client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
            }

            return _client;
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await Client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>A staff read (alarms, the review queue …): <paramref name="path"/> with the administrator key.</summary>
    public async Task<JsonElement> StaffJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using HttpResponseMessage response = await Client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>Imports long-CSV rows (station,parameter,interval,period_start,value) through the API.</summary>
    public async Task ImportAsync(string rows, CancellationToken cancellationToken) =>
        await PostAsync("/api/v1/observations/import", "station,parameter,interval,period_start,value\n" + rows, "text/csv", cancellationToken);

    /// <summary>Registers stations (a JSON array) through the API.</summary>
    public async Task RegisterAsync(string json, CancellationToken cancellationToken) =>
        await PostAsync("/api/v1/stations", json, "application/json", cancellationToken);

    /// <summary>Waits until at least <paramref name="count"/> stations have a current AQI (the evaluator works in the background).</summary>
    public async Task<JsonElement> WaitForCurrentAqiAsync(int count, CancellationToken cancellationToken)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            JsonElement stations = await GetJsonAsync("/api/v1/aqi/current/stations", cancellationToken);
            if (stations.EnumerateArray().Count(s => s.GetProperty("aqi").ValueKind == JsonValueKind.Number) >= count)
            {
                return stations;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Fewer than {count} stations got an AQI within 120 s.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Waits until the background evaluation has stored <paramref name="day"/> of section <paramref name="mn"/>.</summary>
    public async Task<JsonElement> WaitForWaterDayAsync(string mn, string day, CancellationToken cancellationToken)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            JsonElement section = (await GetJsonAsync("/api/v1/water/sections?day=" + day, cancellationToken)).EnumerateArray()
                .Single(s => s.GetProperty("station").GetProperty("mn").GetString() == mn);
            if (section.GetProperty("latest") is { ValueKind: JsonValueKind.Object } latest && latest.GetProperty("period").GetString() == day)
            {
                return section;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Section {mn} got no stored class for {day} within 120 s.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        if (_withConsoleUser)
        {
            builder.ConfigureServices(services => services.AddHostedService<ConsoleUserSeed>());
        }
    }

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

    /// <summary>PUTs JSON with the admin key.</summary>
    public async Task PutJsonAsync(string path, string json, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Put, path, json, "application/json", cancellationToken);

    /// <summary>POSTs JSON with the admin key.</summary>
    public async Task PostJsonAsync(string path, string json, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, path, json, "application/json", cancellationToken);

    private Task PostAsync(string path, string body, string mediaType, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, mediaType, cancellationToken);

    private async Task SendAsync(HttpMethod method, string path, string body, string mediaType, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = new(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using HttpResponseMessage response = await Client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
