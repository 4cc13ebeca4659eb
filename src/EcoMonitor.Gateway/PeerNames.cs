using System.Net;
using EcoMonitor.Application.Security;

namespace EcoMonitor.Gateway;

/// <summary>
/// The names of one connection's remote endpoint, made once per connection rather than per frame: the endpoint text
/// for the archive, the address for security events (<see cref="NetworkAddress"/>) and the source key for limits
/// (<see cref="GatewaySource"/>).
/// </summary>
internal sealed class PeerNames
{
    public static readonly PeerNames Unknown = new(null);

    public PeerNames(EndPoint? endPoint)
    {
        Text = endPoint?.ToString() ?? "unknown";
        Address = NetworkAddress.Text(endPoint);
        Source = GatewaySource.Key(endPoint);
    }

    /// <summary>The endpoint as archived (<c>10.1.2.3:50211</c>).</summary>
    public string Text { get; }

    /// <summary>The address without port, or null when unknown.</summary>
    public string? Address { get; }

    /// <summary>The source key of limits and backoff.</summary>
    public string Source { get; }
}
