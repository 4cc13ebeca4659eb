using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Bench;

/// <summary>
/// The platform (EcoMonitor.Web.dll) as its own process on loopback with a fresh SQLite file and the shipped sample
/// network, for tools that are themselves processes and for attacks that would take a process down (file handles).
/// Extra settings win over the defaults; a file-handle limit starts it through <c>bash -c "ulimit -n N; exec dotnet …"</c>.
/// Disposing kills it and deletes its files.
/// </summary>
internal sealed class PlatformProcess : IDisposable
{
    /// <summary>The administrator's key of the platform unless the settings give another (its statistics are for staff only).</summary>
    public const string AdminKey = "test-bench-admin-key-5a1e";

    // Bounds the wait for a server that does not come up, so the suite ends; not an assertion about speed.
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(1);
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-bench-").FullName;
    private string _adminKey = AdminKey;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PlatformProcess(IReadOnlyDictionary<string, string> settings, int? fileHandleLimit)
    {
        ProcessStartInfo start = new(fileHandleLimit is null ? "dotnet" : "bash")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (fileHandleLimit is { } limit)
        {
            // $0 is the limit, "$@" the command: no quoting of paths or settings in the script.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("ulimit -n \"$0\" && exec \"$@\"");
            start.ArgumentList.Add(limit.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EcoMonitor.Web.dll"));
        Dictionary<string, string> all = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{HttpPort}",
            ["Gateway:Port"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Storage:Sqlite:Path"] = DatabasePath,
            ["Registry:StationsFile"] = RepoFiles.Path("samples/network/stations.json"),
            ["Registry:ParametersFile"] = RepoFiles.Path("config/parameters.json"),
            ["Quality:RulesFile"] = RepoFiles.Path("config/quality-rules.json"),
            ["Registry:PasswordHashIterations"] = "1000",
            ["Samples:HistoryFile"] = string.Empty,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Security:BootstrapAdminKey"] = AdminKey,
        };
        foreach ((string key, string value) in settings)
        {
            all[key] = value;
        }

        _adminKey = all["Security:BootstrapAdminKey"];
        foreach ((string key, string value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int HttpPort { get; } = FreeTcpPort.Next();

    public int GatewayPort { get; } = FreeTcpPort.Next();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The server's SQLite file (to check what it stored, byte for byte).</summary>
    public string DatabasePath => Path.Combine(_directory, "ecomonitor.db");

    /// <summary>The server's process id (for its open file handles under /proc).</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the server process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the platform with the shipped defaults and waits until its API answers.</summary>
    public static Task<PlatformProcess> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(new Dictionary<string, string>(), fileHandleLimit: null, cancellationToken);

    /// <summary>Starts the platform with <paramref name="settings"/> (and, when given, a file-handle limit) and waits until its API answers.</summary>
    public static async Task<PlatformProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int? fileHandleLimit, CancellationToken cancellationToken)
    {
        // Its ports are free when picked, not necessarily seconds later when the process binds them (every test
        // project runs at once): a platform that could not bind is started again on other ports.
        for (int attempt = 1; ; attempt++)
        {
            PlatformProcess platform = new(settings, fileHandleLimit);
            if (await platform.WaitUntilReadyAsync(cancellationToken))
            {
                return platform;
            }

            string output = platform.Output;
            platform.Dispose();
            Assert.True(attempt < 3 && output.Contains("address already in use", StringComparison.OrdinalIgnoreCase),
                "the platform process exited during start-up:\n" + output);
        }
    }

    /// <summary>What the server wrote to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>True when the API answers, false when the process exited first.</summary>
    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        while (true)
        {
            try
            {
                using HttpResponseMessage response = await Client.SendAsync(StatsRequest(), limit.Token);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException) when (!_process.HasExited)
            {
                // Not listening yet.
            }

            if (_process.HasExited)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    public async Task<JsonElement> StatsAsync()
    {
        using HttpResponseMessage response = await Client.SendAsync(StatsRequest(), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private HttpRequestMessage StatsRequest() => new(HttpMethod.Get, new Uri("/api/v1/ingest/stats", UriKind.Relative))
    {
        Headers = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _adminKey) },
    };

    public void Dispose()
    {
        Client?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
