using System.Text.Json;

namespace EcoMonitor.Cli.Bench;

/// <summary>The figures of <c>GET /api/v1/ingest/stats</c> the connection benchmark compares (memory in bytes).</summary>
internal readonly record struct ServerStats(long ConnectionsOpen, long WorkingSetBytes, long ManagedHeapBytes)
{
    /// <summary>
    /// Reads the stats; with <paramref name="collect"/> after a full garbage collection on the server
    /// (<c>?gc=true</c>), so that the memory of two reads compares.
    /// </summary>
    public static async Task<ServerStats> ReadAsync(HttpClient client, bool collect, CancellationToken cancellationToken)
    {
        JsonElement root = await BenchApi.StatsAsync(client, collect, cancellationToken);
        JsonElement process = root.GetProperty("process");
        return new ServerStats(
            root.GetProperty("gateway").GetProperty("connectionsOpen").GetInt64(),
            process.GetProperty("workingSetBytes").GetInt64(),
            process.GetProperty("managedHeapBytes").GetInt64());
    }
}
