namespace EcoMonitor.Cli.Bench;

/// <summary>
/// What a connection benchmark measured: the server's stats before any connection was opened and while all
/// authenticated connections were held, and the deltas divided by the connections held (bytes per connection).
/// </summary>
internal sealed record ConnectionBenchResult(int Requested, int Held, int Failed, ServerStats Before, ServerStats During, long OpenAfterClose)
{
    /// <summary>Every requested connection was authenticated, acknowledged and counted open by the server.</summary>
    public bool IsComplete => Held == Requested && During.ConnectionsOpen - Before.ConnectionsOpen >= Held;

    /// <summary>Server working-set growth per held connection, in bytes.</summary>
    public double WorkingSetPerConnection => Held == 0 ? 0 : (double)(During.WorkingSetBytes - Before.WorkingSetBytes) / Held;

    /// <summary>Server managed-heap growth per held connection, in bytes.</summary>
    public double ManagedHeapPerConnection => Held == 0 ? 0 : (double)(During.ManagedHeapBytes - Before.ManagedHeapBytes) / Held;
}
