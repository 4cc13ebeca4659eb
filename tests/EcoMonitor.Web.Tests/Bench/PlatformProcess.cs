using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Bench;

/// <summary>
/// The platform (EcoMonitor.Web.dll) as its own process on loopback with a fresh SQLite file and the shipped sample
/// network, for tools that are themselves processes. Disposing kills it and deletes its files.
/// </summary>
internal sealed class PlatformProcess : IDisposable
{
    // Bounds the wait for a server that does not come up, so the suite ends; not an assertion about speed.
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(1);
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-bench-").FullName;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PlatformProcess()
    {
        ProcessStartInfo start = new("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EcoMonitor.Web.dll"));
        foreach ((string key, string value) in new[]
        {
            ("Kestrel:Endpoints:Http:Url", $"http://127.0.0.1:{HttpPort}"),
            ("Gateway:Port", GatewayPort.ToString(CultureInfo.InvariantCulture)),
            ("Storage:Sqlite:Path", Path.Combine(_directory, "ecomonitor.db")),
            ("Registry:StationsFile", RepoFiles.Path("samples/network/stations.json")),
            ("Registry:ParametersFile", RepoFiles.Path("config/parameters.json")),
            ("Quality:RulesFile", RepoFiles.Path("config/quality-rules.json")),
            ("Registry:PasswordHashIterations", "1000"),
            ("Samples:HistoryFile", string.Empty),
            ("Logging:LogLevel:Default", "Warning"),
        })
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

    /// <summary>Starts the platform and waits until its API answers.</summary>
    public static async Task<PlatformProcess> StartAsync(CancellationToken cancellationToken)
    {
        // Its ports are free when picked, not necessarily seconds later when the process binds them (every test
        // project runs at once): a platform that could not bind is started again on other ports.
        for (int attempt = 1; ; attempt++)
        {
            PlatformProcess platform = new();
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

    private string Output
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
                using HttpResponseMessage response = await Client.GetAsync(new Uri("/api/v1/ingest/stats", UriKind.Relative), limit.Token);
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

    public async Task<JsonElement> StatsAsync() =>
        await Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/ingest/stats", UriKind.Relative), TestContext.Current.CancellationToken);

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
