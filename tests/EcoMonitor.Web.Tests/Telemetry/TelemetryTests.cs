using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EcoMonitor.Web.Tests.Nodes;

namespace EcoMonitor.Web.Tests.Telemetry;

/// <summary>
/// Metrics and traces (docs/deploy.md, "Metrics and traces"): the Prometheus scrape endpoint serves the platform's own
/// counters to the allowed networks only; a frame's trace runs gateway → ingest → store.
/// </summary>
[Trait("Area", "Foundation")]
public sealed class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scrape_ServesTheIngestAndGatewayCounters_ToAllowedNetworksOnly()
    {
        await using var api = ApiFactory.With(new Dictionary<string, string?> { ["Telemetry:ScrapeNetworks:0"] = "127.0.0.1/32" });
        (await api.Client.GetAsync(new Uri("/api/v1/stations", UriKind.Relative), Ct)).Dispose();
        await SendFrameAsync(api, "1431A");

        string metrics = await api.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Contains("ecomonitor_gateway_frames", metrics, StringComparison.Ordinal);
        Assert.Contains("ecomonitor_ingest_", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);

        // Another loopback address, outside the allowed network: as if there were no such path.
        using HttpClient stranger = ClientFrom(IPAddress.Parse("127.0.1.9"), api.HttpPort);
        using HttpResponseMessage refused = await stranger.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("ecomonitor_", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFrame_IsTracedFromTheGatewayThroughTheIngestCommitToTheStore()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("EcoMonitor.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using ApiFactory api = new();
        _ = api.Client;

        await SendFrameAsync(api, "1432A");

        Activity frame = await UntilAsync(() => spans.FirstOrDefault(a => a.OperationName == "hj212.frame" && (string?)a.GetTagItem("ecomonitor.mn") == "1432A"));
        Activity commit = await UntilAsync(() => spans.FirstOrDefault(a => a.OperationName == "ingest.commit" && a.Links.Any(l => l.Context.SpanId == frame.SpanId)));
        Activity store = await UntilAsync(() => spans.FirstOrDefault(a => a.OperationName == "store.commit" && a.ParentSpanId == commit.SpanId));
        Assert.Equal(commit.TraceId, store.TraceId);
        Assert.Equal("EcoMonitor.Storage.Sqlite", store.Source.Name);
        Assert.True((int)store.GetTagItem("ecomonitor.observations")! >= 1);
    }

    [Fact]
    public async Task WithAnOtlpCollector_TracesAndMetricsAreSentToIt()
    {
        // A stand-in collector on a real socket: it answers 200 to each OTLP/HTTP post and notes the path.
        using var collector = new TcpListener(IPAddress.Loopback, 0);
        collector.Start();
        var paths = new ConcurrentQueue<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task serving = ServeAsync(collector, paths, stop.Token);
        // Its own process: the exporters are chosen from the configuration the host starts with (environment here).
        string directory = Directory.CreateTempSubdirectory("ecomon-otlp-").FullName;
        ServerNode node = await ServerNode.StartAsync(
            new Dictionary<string, string>
            {
                ["Storage:Sqlite:Path"] = Path.Combine(directory, "ecomonitor.db"),
                ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{((IPEndPoint)collector.LocalEndpoint).Port}",
                ["Telemetry:OtlpProtocol"] = "http/protobuf",
                ["Telemetry:OtlpMetricInterval"] = "00:00:01",
            },
            Ct);
        try
        {
            await using (FakeStation station = await FakeStation.ConnectAsync(node.GatewayPort, Ct))
            {
                await station.SendAsync(Frames.Hour("1433A", Frames.NextQn(), "20200601080000", [("a34004", "35")]), Ct);
                Assert.NotNull(await station.ReadReplyAsync(TimeSpan.FromSeconds(15), Ct));
            }

            await UntilAsync(() => paths.Contains("/v1/traces") && paths.Contains("/v1/metrics") ? paths : null, seconds: 40, () => string.Join(", ", paths));
        }
        finally
        {
            await node.DisposeAsync();
            await stop.CancelAsync();
            await serving;
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task ServeAsync(TcpListener listener, ConcurrentQueue<string> paths, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using TcpClient client = await listener.AcceptTcpClientAsync(cancellationToken);
                await using NetworkStream stream = client.GetStream();
                using var reader = new StreamReader(stream, leaveOpen: true);
                string requestLine = await reader.ReadLineAsync(cancellationToken) ?? "";
                paths.Enqueue(requestLine.Split(' ').ElementAtOrDefault(1) ?? "");
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The test is done.
        }
    }

    private static async Task SendFrameAsync(ApiFactory api, string mn)
    {
        await using FakeStation station = await FakeStation.ConnectAsync(api.GatewayPort, Ct);
        await station.SendAsync(Frames.Hour(mn, Frames.NextQn(), "20200601080000", [("a34004", "35")]), Ct);
        byte[] reply = await station.ReadReplyAsync(TimeSpan.FromSeconds(15), Ct) ?? throw new TimeoutException("no reply");
        Assert.Equal(9014, Frames.Read(reply).Command);
    }

    private static HttpClient ClientFrom(IPAddress local, int port) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(local, 0));
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    private static async Task<T> UntilAsync<T>(Func<T?> probe, int seconds = 20, Func<string>? seen = null)
        where T : class
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not seen within {seconds} s; seen: {seen?.Invoke()}");
            await Task.Delay(20, Ct);
        }
    }
}
