using System.Diagnostics.Metrics;

namespace EcoMonitor.Web.Hosting;

/// <summary>Requests refused by the rate limits (<c>ecomonitor.http.rate_limited</c>, tag <c>client</c> = anonymous / staff / api-client). Thread-safe.</summary>
internal sealed class RateLimitCounters
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "EcoMonitor.Web.RateLimits";

    private readonly Counter<long> _rejected;

    public RateLimitCounters(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(MeterName);
        _rejected = meter.CreateCounter<long>("ecomonitor.http.rate_limited", description: "HTTP requests refused with 429 by the rate limits.");
    }

    public void Rejected(string client) => _rejected.Add(1, new KeyValuePair<string, object?>("client", client));
}
