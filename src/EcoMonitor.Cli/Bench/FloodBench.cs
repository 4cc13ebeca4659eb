using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EcoMonitor.Cli.Bench;

/// <summary>
/// Floods the gateway with idle connections from many loopback source addresses and measures what the HTTP API does
/// meanwhile: GET latency before the flood (baseline) and while the connections are held, in the same run. Counts the
/// connections the server kept and those it closed at once (refused at a limit), and reads the server's own counts.
/// All sockets live in this process and are closed when it returns.
/// </summary>
internal sealed class FloodBench(FloodBenchOptions options, TextWriter output)
{
    /// <summary>The i-th loopback source address: 127.0.1.1 … 127.0.1.250, 127.0.2.1, …</summary>
    public static IPAddress Source(int index) =>
        new([127, 0, (byte)(1 + (index / 250)), (byte)(1 + (index % 250))]);

    /// <summary>Runs the flood against <paramref name="endPoint"/>.</summary>
    public async Task<FloodBenchResult> RunAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        // The latency is measured as a stranger sees it (anonymous); the statistics are read with the key.
        using HttpClient client = new() { BaseAddress = options.Api, Timeout = options.RequestTimeout };
        using HttpClient stats = BenchApi.StatsClient(options.Api, options.RequestTimeout, options.ApiKey);
        FloodServerStats before = await FloodServerStats.ReadAsync(stats, cancellationToken);
        LatencySample baseline = await MeasureAsync(client, cancellationToken);
        await output.WriteLineAsync($"baseline GET /{options.Path}: {baseline}");

        List<Socket> sockets = new(options.Count);
        FloodBenchResult result;
        try
        {
            var opening = Stopwatch.StartNew();
            int failedConnects = await OpenAsync(endPoint, sockets, cancellationToken);
            opening.Stop();
            await Task.Delay(options.SettleTime, cancellationToken);
            int held = sockets.Count(IsOpen);
            FloodServerStats during = await FloodServerStats.ReadAsync(stats, cancellationToken);
            LatencySample flooded = await MeasureAsync(client, cancellationToken);
            result = new FloodBenchResult(options.Count, sockets.Count, failedConnects, held, opening.Elapsed, before, during, flooded.Failed == 0, baseline, flooded);
        }
        finally
        {
            foreach (Socket socket in sockets)
            {
                socket.Dispose();
            }
        }

        // Still there once the flood is gone? (A process that ran out of file handles is not.)
        await Task.Delay(options.SettleTime, cancellationToken);
        return result with { AfterClose = await FloodServerStats.ReadAsync(stats, cancellationToken) };
    }

    private async Task<int> OpenAsync(IPEndPoint endPoint, List<Socket> sockets, CancellationToken cancellationToken)
    {
        int failed = 0;
        for (int first = 0; first < options.Count; first += options.BatchSize)
        {
            int size = Math.Min(options.BatchSize, options.Count - first);
            Socket?[] batch = await Task.WhenAll(Enumerable.Range(first, size).Select(i => ConnectAsync(endPoint, Source(i % options.Sources), cancellationToken)));
            foreach (Socket? socket in batch)
            {
                if (socket is null)
                {
                    failed++;
                }
                else
                {
                    sockets.Add(socket);
                }
            }

            if ((first / options.BatchSize) % 10 == 9)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"… {first + size} connects, {failed} failed"));
            }
        }

        return failed;
    }

    private async Task<Socket?> ConnectAsync(IPEndPoint endPoint, IPAddress source, CancellationToken cancellationToken)
    {
        Socket socket = new(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(endPoint, timeout.Token);
            return socket;
        }
        catch (Exception exception) when (exception is SocketException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>False when the server has closed the connection (readable with nothing to read: end of stream, or reset).</summary>
    private static bool IsOpen(Socket socket)
    {
        try
        {
            return !(socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task<LatencySample> MeasureAsync(HttpClient client, CancellationToken cancellationToken)
    {
        LatencySample sample = new();
        Uri path = new(options.Path, UriKind.Relative);
        for (int i = 0; i < options.Requests; i++)
        {
            long started = Stopwatch.GetTimestamp();
            try
            {
                using HttpResponseMessage response = await client.GetAsync(path, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    sample.Add(Stopwatch.GetElapsedTime(started));
                }
                else
                {
                    sample.AddFailure();
                }
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                sample.AddFailure();
            }
        }

        return sample;
    }
}
