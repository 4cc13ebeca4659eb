using System.Net;
using System.Net.Sockets;

namespace EcoMonitor.Application.Security;

/// <summary>The one text form of a client's network address used for limits, logs and the audit trail.</summary>
public static class NetworkAddress
{
    /// <summary>
    /// The address without port; an IPv4 address mapped into IPv6 (<c>::ffff:10.0.0.1</c>, as a dual-stack listener
    /// reports it) in its IPv4 form, so that one client has one key whichever socket family accepted it. Null for null.
    /// </summary>
    public static string? Text(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    /// <summary>
    /// The key under which limits count one client (connections, rate limits, guessing backoffs): an IPv4 address (also
    /// when mapped into IPv6) is its own key; an IPv6 address is keyed by its /64 prefix — the block one subscriber (a
    /// 4G logger's PDN connection, a home) gets — so that nobody escapes a limit by stepping through the addresses of
    /// their own prefix. Logs and the audit trail carry the full address (<see cref="Text(IPAddress?)"/>), not this key.
    /// "unknown" for null.
    /// </summary>
    public static string LimitKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || address.IsIPv4MappedToIPv6)
        {
            return Text(address)!;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The address of an endpoint (see <see cref="Text(IPAddress?)"/>); an endpoint that is not an IP endpoint by its text.</summary>
    public static string? Text(EndPoint? endPoint) =>
        endPoint switch
        {
            null => null,
            IPEndPoint ip => Text(ip.Address),
            _ => endPoint.ToString(),
        };
}
