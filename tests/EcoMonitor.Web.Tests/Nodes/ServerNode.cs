using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Nodes;

/// <summary>
/// One EcoMonitor server as its own <c>dotnet</c> process (the built host next to the tests), on its own HTTP and
/// HJ 212 ports, with the settings given as environment variables. Killed by its process id when disposed, or earlier
/// by <see cref="KillAsync"/>. The staff's intent methods send the bootstrap admin key.
/// </summary>
internal sealed class ServerNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly RecentLines _output = new(200);

    private ServerNode(Process process, int httpPort, int gatewayPort)
    {
        _process = process;
        HttpPort = httpPort;
        GatewayPort = gatewayPort;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int HttpPort { get; }

    public int GatewayPort { get; }

    public HttpClient Client { get; }

    /// <summary>Starts a node and waits until it answers HTTP (its schema migrated, its gateway listening).</summary>
    public static async Task<ServerNode> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        // Its ports are free when picked, not necessarily seconds later when the process binds them (every test
        // project runs at once): a node that could not bind is started again on other ports.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(settings, cancellationToken);
            }
            catch (InvalidOperationException exception) when (attempt < 3 && exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Try other ports.
            }
        }
    }

    private static async Task<ServerNode> StartOnceAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        int httpPort = FreeTcpPort.Next();
        int gatewayPort = FreeTcpPort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EcoMonitor.Web.dll"));
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Gateway__Port"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Registry__StationsFile"] = RepoFiles.Path("samples/network/stations.json");
        start.Environment["Registry__ParametersFile"] = RepoFiles.Path("config/parameters.json");
        start.Environment["Quality__RulesFile"] = RepoFiles.Path("config/quality-rules.json");
        start.Environment["Registry__PasswordHashIterations"] = "1000";
        start.Environment["Alarms__RulesFile"] = RepoFiles.Path("config/alarm-rules.json");
        start.Environment["Samples__HistoryFile"] = "";
        start.Environment["Security__BootstrapAdminKey"] = ApiFactory.AdminKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach ((string key, string value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var node = new ServerNode(process, httpPort, gatewayPort);
        node._output.Follow(process);
        try
        {
            await node.WaitUntilReadyAsync(cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the process printed last (for failure messages).</summary>
    public string RecentOutput => _output.ToString();

    /// <summary>Registers (or re-registers) a station through this node's API; fails the test unless it answers success.</summary>
    public async Task RegisterStationAsync(string json, CancellationToken cancellationToken) =>
        await SendJsonAsync(HttpMethod.Post, "/api/v1/stations", json, cancellationToken);

    /// <summary>Sends a JSON body with the admin key; fails the test unless the node answers success.</summary>
    public async Task SendJsonAsync(HttpMethod method, string path, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminKey);
        using HttpResponseMessage response = await Client.SendAsync(request, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    /// <summary>GETs <paramref name="path"/> with the admin key; fails the test unless the node answers success.</summary>
    public async Task<JsonElement> StaffJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminKey);
        using HttpResponseMessage response = await Client.SendAsync(request, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Kills the process with SIGKILL, as <c>kill -9</c> does: no shutdown, nothing flushed, its sockets closed by the
    /// kernel. Returns once it has exited; the node is still to be disposed.
    /// </summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        // Process.Kill sends SIGKILL on Unix; the node is the dotnet process itself (no child to take along).
        _process.Kill();
        await _process.WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The node exited with {_process.ExitCode}:\n{RecentOutput}");
            }

            try
            {
                // Serving; not necessarily ready (ADR 0035: a node whose workers wait for another node's locks is not yet).
                using HttpResponseMessage response = await Client.GetAsync(new Uri("/api/v1/parameters", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The node did not answer within 90 s:\n{RecentOutput}");
    }
}
