using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Behind a TLS-terminating balancer or reverse proxy (section <c>ForwardedHeaders</c>, off by default): the host takes
/// the client's address and scheme from <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, but only from the
/// proxies named here, so that rate limits, the audit trail and the logs see the real client, the console cookie is
/// marked Secure and HSTS is sent for HTTPS. <c>X-Forwarded-Host</c> is not taken (the host names the site itself).
/// A request from any other address keeps its own address and scheme (its headers are ignored).
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>True to read the forwarded headers (needs <see cref="KnownProxies"/> or <see cref="KnownNetworks"/>).</summary>
    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers are believed, e.g. <c>10.0.1.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation, e.g. <c>10.0.1.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>The entries of <see cref="KnownProxies"/> that are not blank.</summary>
    internal IEnumerable<string> Proxies => KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim());

    /// <summary>The entries of <see cref="KnownNetworks"/> that are not blank.</summary>
    internal IEnumerable<string> Networks => KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim());

    /// <summary>How many proxies in a row are believed (entries of <c>X-Forwarded-For</c> taken from the right).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}
