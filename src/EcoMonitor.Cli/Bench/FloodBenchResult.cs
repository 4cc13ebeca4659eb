namespace EcoMonitor.Cli.Bench;

/// <summary>What a flood measured.</summary>
/// <param name="Requested">Connections attempted.</param>
/// <param name="Connected">Connects that succeeded (the server accepted them, possibly only to close them).</param>
/// <param name="FailedConnects">Connects that failed or timed out.</param>
/// <param name="Held">Connections still open once the server had time to close the ones it refuses.</param>
/// <param name="Opening">Time to make all connects.</param>
/// <param name="Before">Server figures before the flood.</param>
/// <param name="During">Server figures with the connections held.</param>
/// <param name="AnsweredUnderFlood">Every GET under the flood succeeded.</param>
/// <param name="Baseline">GET latencies before the flood.</param>
/// <param name="Flooded">GET latencies while the connections were held.</param>
internal sealed record FloodBenchResult(
    int Requested,
    int Connected,
    int FailedConnects,
    int Held,
    TimeSpan Opening,
    FloodServerStats Before,
    FloodServerStats During,
    bool AnsweredUnderFlood,
    LatencySample Baseline,
    LatencySample Flooded)
{
    /// <summary>Server figures once the connections were closed again (unreachable when the server did not survive).</summary>
    public FloodServerStats AfterClose { get; init; } = FloodServerStats.Unreachable;

    /// <summary>The server answered throughout — its statistics and every GET under the flood — and after it.</summary>
    public bool ServerStayedUp => During.IsReachable && AnsweredUnderFlood && AfterClose.IsReachable;
}
