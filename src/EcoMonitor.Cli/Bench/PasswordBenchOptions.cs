namespace EcoMonitor.Cli.Bench;

/// <summary>How <see cref="PasswordBench"/> guesses a station's password. Loopback only; bounded by <see cref="Duration"/>.</summary>
internal sealed record PasswordBenchOptions
{
    /// <summary>The MN whose password is guessed; null for the first usable station of the registry.</summary>
    public string? Mn { get; init; }

    /// <summary>The one loopback source address all guesses come from.</summary>
    public string Source { get; init; } = "127.0.3.1";

    /// <summary>Connections guessing in parallel (each keeps <see cref="Window"/> guesses in flight).</summary>
    public int Connections { get; init; } = 4;

    /// <summary>Guesses each connection sends before waiting for refusals (1: one at a time).</summary>
    public int Window { get; init; } = 1;

    /// <summary>How long to guess.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>After guessing, send the right password once from the same address and time its answer.</summary>
    public bool ThenRight { get; init; } = true;

    /// <summary>Gateway host; must resolve to loopback addresses only.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Gateway TCP port.</summary>
    public int Port { get; init; } = 9212;

    /// <summary>Base address of the platform's HTTP API (loopback only; checked like the other benchmarks', not called).</summary>
    public Uri Api { get; init; } = new("http://127.0.0.1:5080");
}
