using System.Text.Json;

namespace EcoMonitor.Cli.Bench;

/// <summary>
/// The gateway figures of <c>GET /api/v1/ingest/stats</c> a flood compares; figures a server does not report (an
/// older build, without connection limits) read as −1, and a server that does not answer at all as <see cref="Unreachable"/>.
/// </summary>
internal readonly record struct FloodServerStats(long ConnectionsOpen, long RefusedAtLimit, long RefusedAtAddressLimit, long MaxConnections, long MaxConnectionsPerAddress)
{
    /// <summary>The server did not answer.</summary>
    public static FloodServerStats Unreachable { get; } = new(-1, -1, -1, -1, -1);

    public bool IsReachable => ConnectionsOpen >= 0;

    public static async Task<FloodServerStats> ReadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        JsonElement gateway;
        try
        {
            gateway = (await BenchApi.StatsAsync(client, collect: false, cancellationToken)).GetProperty("gateway");
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Unreachable;
        }

        JsonElement limits = gateway.TryGetProperty("limits", out JsonElement l) ? l : default;
        return new FloodServerStats(
            Read(gateway, "connectionsOpen"), Read(gateway, "refusedAtLimit"), Read(gateway, "refusedAtAddressLimit"),
            Read(limits, "maxConnections"), Read(limits, "maxConnectionsPerAddress"));
    }

    private static long Read(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) ? value.GetInt64() : -1;
}
