using System.Net;
using System.Net.Sockets;
using EcoMonitor.Application.Security;

namespace EcoMonitor.Gateway;

/// <summary>
/// The key under which the gateway limits one source: connections per address, password backoff per address, the
/// rejected-frame archive per address. An IPv4 address (also when mapped into IPv6) is its own key
/// (<see cref="NetworkAddress.Text(IPAddress?)"/>); an IPv6 address is keyed by its /64 prefix, the block one
/// subscriber (a 4G logger's PDN connection, a home) gets, so that an attacker cannot escape the limits by stepping
/// through the addresses of its own prefix. Logs and security events carry the full address, not this key.
/// </summary>
internal static class GatewaySource
{
    /// <summary>The source key of <paramref name="endPoint"/>; "unknown" when it has no IP address.</summary>
    public static string Key(EndPoint? endPoint)
    {
        if (endPoint is not IPEndPoint { Address: { } address })
        {
            return NetworkAddress.Text(endPoint) ?? "unknown";
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || address.IsIPv4MappedToIPv6)
        {
            return NetworkAddress.Text(address)!;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
