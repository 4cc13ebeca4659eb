using System.Net;
using EcoMonitor.Application.Security;

namespace EcoMonitor.Gateway;

/// <summary>
/// The key under which the gateway limits one source: connections per address, password backoff per address, the
/// rejected-frame archive per address — <see cref="NetworkAddress.LimitKey"/> (IPv6 by its /64).
/// </summary>
internal static class GatewaySource
{
    /// <summary>The source key of <paramref name="endPoint"/>; "unknown" when it has no IP address.</summary>
    public static string Key(EndPoint? endPoint)
    {
        return endPoint is IPEndPoint { Address: { } address } ? NetworkAddress.LimitKey(address) : NetworkAddress.Text(endPoint) ?? "unknown";
    }
}
