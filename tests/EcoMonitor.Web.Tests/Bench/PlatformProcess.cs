using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
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
            ("Samples:HistoryFile", string.Empty),
            ("Logging:LogLevel:Default", "Warning"),
        })
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int HttpPort { get; } = FreeTcpPort.Next();

    public int GatewayPort { get; } = FreeTcpPort.Next();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Starts the platform and waits until its API answers.</summary>
    public static async Task<PlatformProcess> StartAsync(CancellationToken cancellationToken)
    {
        PlatformProcess platform = new();
        platform.Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{platform.HttpPort}") };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        while (true)
        {
            try
            {
                using HttpResponseMessage response = await platform.Client.GetAsync(new Uri("/api/v1/ingest/stats", UriKind.Relative), limit.Token);
                if (response.IsSuccessStatusCode)
                {
                    return platform;
                }
            }
            catch (HttpRequestException) when (!platform._process.HasExited)
            {
                // Not listening yet.
            }

            Assert.False(platform._process.HasExited, "the platform process exited during start-up");
            await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
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
