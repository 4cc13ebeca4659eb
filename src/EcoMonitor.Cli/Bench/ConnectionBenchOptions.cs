namespace EcoMonitor.Cli.Bench;

/// <summary>How <see cref="ConnectionBench"/> loads the gateway. Every step has a timeout, so a run always ends.</summary>
internal sealed record ConnectionBenchOptions
{
    /// <summary>Connections to open and hold.</summary>
    public int Count { get; init; } = 10_000;

    /// <summary>Gateway host; must resolve to loopback addresses only.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Gateway TCP port.</summary>
    public int Port { get; init; } = 9212;

    /// <summary>Base address of the platform's HTTP API (loopback only), for <c>/api/v1/ingest/stats</c>.</summary>
    public Uri Api { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>The administrator's API key, for the statistics (null: none sent).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Connections opened (and authenticated) concurrently; the next batch starts when one is done.</summary>
    public int BatchSize { get; init; } = 250;

    /// <summary>Time for one connection to be established.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time for the 9014 acknowledgement of the frame a connection sends (the frame must be durable first).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time for one stats request, and for the server's open-connection count to settle.</summary>
    public TimeSpan StatsTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
