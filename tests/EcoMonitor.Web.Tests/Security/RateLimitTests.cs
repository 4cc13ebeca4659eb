using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Anonymous API reads are limited per client address (Hosting/RateLimitHostingExtensions): a burst from one address
/// gets 429 with <c>Retry-After</c> and a problem while another address, static files and signed-in staff are still
/// served; behind a known balancer the forwarded client address is what is counted; the expensive reads come from a
/// short output cache. Clients are bound to different loopback addresses (127.0.0.1, 127.0.1.x) with their own sockets.
/// </summary>
[Trait("Area", "Security")]
public sealed class RateLimitTests
{
    private const int Burst = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> SmallLimits => new()
    {
        ["RateLimits:AnonymousBurst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:AnonymousPerSecond"] = "1",
    };

    [Fact]
    public async Task BurstFromOneAddress_Gets429WithRetryAfter_WhileAnotherAddressIsServed()
    {
        using var api = ApiFactory.With(SmallLimits);
        using HttpClient flooder = ClientFrom(api, "127.0.0.1");
        using HttpClient neighbour = ClientFrom(api, "127.0.1.2");
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "EcoMonitor.Web.RateLimits" && instrument.Name == "ecomonitor.http.rate_limited")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();

        HttpStatusCode[] statuses = await Task.WhenAll(Enumerable.Range(0, Burst * 2).Select(_ => StatusAsync(flooder, "/api/v1/parameters")));
        using HttpResponseMessage refused = await flooder.GetAsync(new Uri("/api/v1/parameters", UriKind.Relative), Ct);

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), Burst, Burst + 2);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        await ProblemAssert.IsAsync(refused, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(neighbour, "/api/v1/parameters"));
        listener.RecordObservableInstruments();
        Assert.True(Interlocked.Read(ref counted) >= statuses.Count(s => s == HttpStatusCode.TooManyRequests) + 1, $"counted {counted}");
    }

    [Fact]
    public async Task LimitedAddress_StillGetsStaticFiles_AndTheAdminKeyIsNotLimitedWithIt()
    {
        using var api = ApiFactory.With(SmallLimits);
        using HttpClient client = ClientFrom(api, "127.0.1.3");
        await Task.WhenAll(Enumerable.Range(0, Burst * 2).Select(_ => StatusAsync(client, "/api/v1/parameters")));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(client, "/api/v1/parameters"));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/js/common.js"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/geo/china.json"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/"));
        using HttpRequestMessage keyed = new(HttpMethod.Get, new Uri("/api/v1/parameters", UriKind.Relative));
        keyed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminKey);
        using HttpResponseMessage staff = await client.SendAsync(keyed, Ct);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    [Fact]
    public async Task BehindAKnownBalancer_TheForwardedClientAddressIsCounted()
    {
        Dictionary<string, string?> settings = SmallLimits;
        settings["ForwardedHeaders:Enabled"] = "true";
        settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        using var api = ApiFactory.With(settings);
        using HttpClient balancer = ClientFrom(api, "127.0.0.1");

        HttpStatusCode[] first = await Task.WhenAll(Enumerable.Range(0, Burst * 2).Select(_ => StatusAsync(balancer, "/api/v1/parameters", "198.51.100.1")));

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(balancer, "/api/v1/parameters", "198.51.100.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(balancer, "/api/v1/parameters", "198.51.100.1"));
    }

    [Fact]
    public async Task ExpensiveReads_ComeFromTheOutputCache_PerQuery()
    {
        using var api = new ApiFactory();

        using HttpResponseMessage first = await api.GetAsync("/api/v1/aqi/current/cities");
        using HttpResponseMessage second = await api.GetAsync("/api/v1/aqi/current/cities");
        using HttpResponseMessage other = await api.GetAsync("/api/v1/aqi/current/cities?before=2019-12-20T12:00:00%2B08:00");
        using HttpResponseMessage cheap = await api.GetAsync("/api/v1/parameters");
        using HttpResponseMessage cheapAgain = await api.GetAsync("/api/v1/parameters");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Null(other.Headers.Age);
        Assert.Null(cheapAgain.Headers.Age);
    }

    [Fact]
    public async Task Disabled_NoLimit()
    {
        Dictionary<string, string?> settings = SmallLimits;
        settings["RateLimits:Enabled"] = "false";
        using var api = ApiFactory.With(settings);
        using HttpClient client = ClientFrom(api, "127.0.1.4");

        HttpStatusCode[] statuses = await Task.WhenAll(Enumerable.Range(0, Burst * 2).Select(_ => StatusAsync(client, "/api/v1/parameters")));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    /// <summary>A client whose connections leave from <paramref name="localAddress"/> (any 127.0.0.0/8 address reaches the server's loopback port).</summary>
    private static HttpClient ClientFrom(ApiFactory api, string localAddress) => LoopbackClient.From(localAddress, api.Client.BaseAddress!);

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, string? forwardedFor = null)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using HttpResponseMessage response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
