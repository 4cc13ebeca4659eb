using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Cli.Bench;

/// <summary>
/// Measures the gateway's server memory per held connection: reads the server's stats (after a forced GC on the
/// server), opens <see cref="ConnectionBenchOptions.Count"/> authenticated station connections in batches, reads the
/// stats again while all are held, then closes them and waits for the server to see them gone. Loopback only, every
/// step bounded by a timeout. All client sockets live in this process (10,000 fit under a 20,000 descriptor limit).
/// </summary>
internal sealed class ConnectionBench(ConnectionBenchOptions options, IReadOnlyList<BenchStation> stations, TimeProvider time, TextWriter output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The gateway's loopback endpoint, or null when the host or the API address is not loopback only.</summary>
    public static Task<IPEndPoint?> ResolveLoopbackAsync(ConnectionBenchOptions options, CancellationToken cancellationToken) =>
        ResolveLoopbackAsync(options.Host, options.Port, options.Api, cancellationToken);

    /// <summary>The gateway's loopback endpoint, or null when <paramref name="host"/> or <paramref name="api"/> is not loopback only.</summary>
    public static async Task<IPEndPoint?> ResolveLoopbackAsync(string host, int port, Uri api, CancellationToken cancellationToken)
    {
        IPAddress[] addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        bool isLoopback = addresses.Length > 0 && Array.TrueForAll(addresses, IPAddress.IsLoopback) && api.IsLoopback;
        return isLoopback ? new IPEndPoint(addresses[0], port) : null;
    }

    /// <summary>Runs the benchmark against a gateway endpoint; the connections are closed when it returns, whatever happened.</summary>
    public async Task<ConnectionBenchResult> RunAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(stations.Count);

        using HttpClient client = BenchApi.StatsClient(options.Api, options.StatsTimeout, options.ApiKey);
        ServerStats before = await ServerStats.ReadAsync(client, collect: true, cancellationToken);
        List<Socket> held = new(options.Count);
        try
        {
            int failed = await OpenAllAsync(endPoint, held, cancellationToken);
            ServerStats during = await ServerStats.ReadAsync(client, collect: true, cancellationToken);
            int heldCount = held.Count;
            CloseAll(held);
            long openAfterClose = await WaitForCloseAsync(client, before.ConnectionsOpen, cancellationToken);
            return new ConnectionBenchResult(options.Count, heldCount, failed, before, during, openAfterClose);
        }
        finally
        {
            CloseAll(held);
        }
    }

    private async Task<int> OpenAllAsync(IPEndPoint endPoint, List<Socket> held, CancellationToken cancellationToken)
    {
        LocalDateTime now = ChinaTime.ToLocal(Instant.FromDateTimeOffset(time.GetUtcNow()));
        string dataTime = now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        int failed = 0;
        int reported = 0;
        for (int first = 0; first < options.Count; first += options.BatchSize)
        {
            int size = Math.Min(options.BatchSize, options.Count - first);
            var batch = new Task<(Socket? Socket, string? Failure)>[size];
            for (int i = 0; i < size; i++)
            {
                // One QN per connection (the run's start plus the connection's index in ms), so no frame is a duplicate.
                string qn = now.PlusMilliseconds(first + i).ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
                BenchStation station = stations[(first + i) % stations.Count];
                batch[i] = BenchConnection.OpenAsync(endPoint, BenchFrame.Create(station, qn, dataTime), qn, options, cancellationToken);
            }

            foreach ((Socket? socket, string? failure) in await Task.WhenAll(batch))
            {
                if (socket is not null)
                {
                    held.Add(socket);
                }
                else if (failed++ == 0)
                {
                    await output.WriteLineAsync($"first failed connection: {failure}");
                }
            }

            if ((first + size) * 10L / options.Count > reported)
            {
                reported = (int)((first + size) * 10L / options.Count);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"… {held.Count} held, {failed} failed of {first + size}"));
            }
        }

        return failed;
    }

    private async Task<long> WaitForCloseAsync(HttpClient client, long baseline, CancellationToken cancellationToken)
    {
        long deadline = time.GetTimestamp() + (long)(options.StatsTimeout.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            ServerStats stats = await ServerStats.ReadAsync(client, collect: false, cancellationToken);
            if (stats.ConnectionsOpen <= baseline || time.GetTimestamp() >= deadline)
            {
                return stats.ConnectionsOpen;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private static void CloseAll(List<Socket> sockets)
    {
        foreach (Socket socket in sockets)
        {
            socket.Dispose();
        }

        sockets.Clear();
    }
}
