namespace EcoMonitor.Cli.Bench;

/// <summary>How <see cref="FloodBench"/> floods the gateway. Loopback only; every step is bounded.</summary>
internal sealed record FloodBenchOptions
{
    /// <summary>Connections to attempt (each one socket in this process: bounded by its <c>ulimit -n</c>).</summary>
    public int Count { get; init; } = 16_000;

    /// <summary>Distinct loopback source addresses the connections come from (127.0.1.1, 127.0.1.2, …).</summary>
    public int Sources { get; init; } = 100;

    /// <summary>Gateway host; must resolve to loopback addresses only.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Gateway TCP port.</summary>
    public int Port { get; init; } = 9212;

    /// <summary>Base address of the platform's HTTP API (loopback only).</summary>
    public Uri Api { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>The administrator's API key, for the statistics (null: none sent).</summary>
    public string? ApiKey { get; init; }

    /// <summary>The GET whose latency is measured before and during the flood.</summary>
    public string Path { get; init; } = "api/v1/parameters";

    /// <summary>GET requests per phase (baseline, flood), one after the other.</summary>
    public int Requests { get; init; } = 200;

    /// <summary>Connects in flight at once.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Time for one connect.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time for one GET (a GET that takes longer counts as failed).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the server has to close the connections it refuses, before they are counted.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(2);
}
