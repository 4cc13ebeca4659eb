namespace EcoMonitor.Cli.Simulation;

/// <summary>How <see cref="StationSimulator"/> replays data.</summary>
internal sealed record SimulationOptions
{
    /// <summary>Gateway host name or address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Gateway TCP port.</summary>
    public int Port { get; init; } = 9212;

    /// <summary>
    /// Replay speed: data time advances this many times faster than wall time (3600 = one data hour per second).
    /// 0 sends as fast as acknowledgements allow.
    /// </summary>
    public double SpeedUp { get; init; }

    /// <summary>Frames a station sends before waiting for acknowledgements.</summary>
    public int Window { get; init; } = 8;

    /// <summary>An acknowledgement not received within this time makes the station reconnect and resend.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Connection attempts in a row before a station gives up.</summary>
    public int MaxConnectAttempts { get; init; } = 20;
}
