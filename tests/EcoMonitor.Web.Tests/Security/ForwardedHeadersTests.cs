using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Behind a TLS-terminating balancer (<c>ForwardedHeaders</c>): the scheme and client address are taken from the
/// forwarded headers of the configured proxies only, and HSTS is sent only for HTTPS.
/// </summary>
[Trait("Area", "Security")]
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task ByDefault_ForwardedProtoIsIgnored_AndPlainHttpGetsNoHsts()
    {
        using ApiFactory api = new();

        using HttpResponseMessage response = await GetAsync(api, forwardedProto: "https");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task FromAKnownProxy_HttpsGetsHsts_PlainHttpDoesNot()
    {
        using var api = ApiFactory.With(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });

        using HttpResponseMessage https = await GetAsync(api, forwardedProto: "https");
        using HttpResponseMessage http = await GetAsync(api, forwardedProto: null);

        Assert.Equal("max-age=31536000", string.Join(",", https.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task FromAnotherAddress_TheForwardedHeadersAreIgnored()
    {
        using var api = ApiFactory.With(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.1.0/24",
        });

        using HttpResponseMessage response = await GetAsync(api, forwardedProto: "https");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData(null, null, "needs ForwardedHeaders:KnownProxies")]
    [InlineData("10.0.1", null, "'10.0.1' is not an IP address")]
    [InlineData(null, "10.0.1.0", "'10.0.1.0' is not a network")]
    public void Enabled_WithoutAProxyOrWithAnUnreadableOne_FailsAtStart(string? proxy, string? network, string message)
    {
        using var api = ApiFactory.With(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = proxy,
            ["ForwardedHeaders:KnownNetworks:0"] = network,
        });

        OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => api.Client);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    // As a balancer forwards it: the site's public host name, the client's address and the scheme it used.
    private static async Task<HttpResponseMessage> GetAsync(ApiFactory api, string? forwardedProto)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, new Uri("/api/v1/parameters", UriKind.Relative));
        request.Headers.Host = "portal.example";
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        HttpResponseMessage response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return response;
    }
}
