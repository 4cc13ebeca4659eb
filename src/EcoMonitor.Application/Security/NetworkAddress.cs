using System.Net;

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

    /// <summary>The address of an endpoint (see <see cref="Text(IPAddress?)"/>); an endpoint that is not an IP endpoint by its text.</summary>
    public static string? Text(EndPoint? endPoint) =>
        endPoint switch
        {
            null => null,
            IPEndPoint ip => Text(ip.Address),
            _ => endPoint.ToString(),
        };
}
