using System.Diagnostics;

namespace EcoMonitor.Gateway;

/// <summary>
/// The gateway's traces (STYLE §7: one <see cref="ActivitySource"/> per project): <c>hj212.frame</c>, one span per data
/// frame from its decoding to its durability (tags <c>ecomonitor.mn</c>, <c>ecomonitor.cn</c>); the ingest commit that
/// stored it links to it. No span is made when nothing listens.
/// </summary>
public static class GatewayTelemetry
{
    public const string SourceName = "EcoMonitor.Gateway";

    internal static readonly ActivitySource Source = new(SourceName);
}
