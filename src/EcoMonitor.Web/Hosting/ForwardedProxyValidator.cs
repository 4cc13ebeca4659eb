using System.Net;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Fails start-up with a readable message when <c>ForwardedHeaders</c> is enabled without a proxy to believe, or names
/// an address or network that does not parse.
/// </summary>
internal sealed class ForwardedProxyValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        List<string> failures = [];
        if (options.Enabled && !options.Proxies.Any() && !options.Networks.Any())
        {
            failures.Add("ForwardedHeaders:Enabled needs ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks (the balancer's addresses).");
        }

        failures.AddRange(options.Proxies.Where(p => !IsAddress(p)).Select(p => $"ForwardedHeaders:KnownProxies: '{p}' is not an IP address."));
        failures.AddRange(options.Networks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n => $"ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR notation (e.g. 10.0.1.0/24)."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // An IPv4 address in its four-part form only (IPAddress.TryParse also takes the legacy "10.0.1" = 10.0.0.1), or an IPv6 address.
    private static bool IsAddress(string text) =>
        IPAddress.TryParse(text, out IPAddress? address)
        && (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || text.Count(c => c == '.') == 3);
}
