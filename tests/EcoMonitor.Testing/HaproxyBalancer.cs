using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace EcoMonitor.Testing;

/// <summary>
/// A real L4 balancer in front of servers on loopback: HAProxy from Debian (<c>apt-get install haproxy</c>; .ci/install.sh
/// does), run as the test's own user in the foreground (<c>-db</c>) as a child process, with a configuration written
/// into a temporary directory: <c>mode tcp</c>; <c>balance first</c>, so every connection
/// goes to the first server that is up and a test knows where its clients are; a TCP-connect health check every 200 ms,
/// down after 2 failures (2 s to connect, so that a loaded machine fails no check), its connections then closed; and a
/// connection a server refuses retried on another server (<c>option redispatch</c>), so that a client reconnecting
/// after its server died gets to another at once, before any check has noticed. The settings of docs/deploy.md §6 but
/// the balance and the check interval. Killed and its directory deleted when disposed.
/// </summary>
public sealed class HaproxyBalancer : IAsyncDisposable
{
    private static readonly string[] Locations = ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy"];

    private readonly Process _process;
    private readonly string _directory;
    private readonly RecentLines _output = new(100);

    private HaproxyBalancer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    /// <summary>
    /// Null when HAProxy is installed, else why not — a test skips with it locally; on CI (<c>CI=true</c>) it must fail.
    /// </summary>
    public static string? UnavailableReason =>
        Executable is null ? "No HAProxy: apt-get install haproxy (.ci/install.sh does)." : null;

    /// <summary>The loopback port clients connect to.</summary>
    public int Port { get; }

    /// <summary>What HAProxy printed last (its server state changes among it), for test output and failure messages.</summary>
    public string RecentOutput => _output.ToString();

    private static string? Executable => Locations.FirstOrDefault(File.Exists);

    /// <summary>Starts HAProxy in front of the servers on <paramref name="serverPorts"/> (in that order) and waits until it accepts.</summary>
    public static async Task<HaproxyBalancer> StartAsync(IReadOnlyList<int> serverPorts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serverPorts);
        // The port is free when picked, not necessarily when HAProxy binds it (every test project runs at once).
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(serverPorts, cancellationToken);
            }
            catch (InvalidOperationException exception) when (attempt < 3 && exception.Message.Contains("cannot bind", StringComparison.OrdinalIgnoreCase))
            {
                // Try another port.
            }
        }
    }

    /// <summary>The configuration for a balancer on <paramref name="port"/> in front of <paramref name="serverPorts"/>.</summary>
    private static string ConfigurationFor(int port, IReadOnlyList<int> serverPorts)
    {
        var servers = string.Concat(serverPorts.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"    server n{i + 1} 127.0.0.1:{p}\n")));
        return string.Create(CultureInfo.InvariantCulture, $"""
            global
                nbthread 1
            defaults
                mode tcp
                timeout connect 2s
                timeout check 2s
                timeout client 10m
                timeout server 10m
                retries 2
                option redispatch 1
            frontend hj212
                bind 127.0.0.1:{port}
                default_backend nodes
            backend nodes
                balance first
                default-server check inter 200ms fall 2 rise 2 on-marked-down shutdown-sessions

            """) + servers;
    }

    private static async Task<HaproxyBalancer> StartOnceAsync(IReadOnlyList<int> serverPorts, CancellationToken cancellationToken)
    {
        string executable = Executable ?? throw new InvalidOperationException(UnavailableReason);
        int port = FreeTcpPort.Next();
        string directory = Directory.CreateTempSubdirectory("ecomon-haproxy-").FullName;
        string file = Path.Combine(directory, "haproxy.cfg");
        await File.WriteAllTextAsync(file, ConfigurationFor(port, serverPorts), cancellationToken);
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-db");
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(file);
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var balancer = new HaproxyBalancer(process, directory, port);
        balancer._output.Follow(process);
        try
        {
            await balancer.WaitUntilListeningAsync(cancellationToken);
            return balancer;
        }
        catch
        {
            await balancer.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"HAProxy exited with {_process.ExitCode}:\n{RecentOutput}");
            }

            // A probe that HAProxy accepts is passed on to the first server and closed: a connection without a frame.
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync("127.0.0.1", Port, cancellationToken);
                if (!_process.HasExited)
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"HAProxy did not listen on {Port} within 30 s:\n{RecentOutput}");
    }
}
