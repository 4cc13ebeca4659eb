using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Limits on what one client may ask of the HTTP API (section <c>RateLimits</c>): a token bucket per client address
/// (after forwarded headers; IPv6 by its /64) for anonymous requests, and a larger one per user for signed-in staff
/// (console cookie or API key). Static files (pages, scripts, map data) are not counted. Beyond the bucket a request is
/// answered 429 with <c>Retry-After</c> and a problem; rejections are counted (<c>ecomonitor.http.rate_limited</c>).
/// The expensive anonymous reads (current AQI of all stations and of the cities, the city and county rankings, the
/// water sections, the CSV downloads) are answered from a short output cache (<see cref="CacheDuration"/>), varying by
/// query. The defaults are far above what a person using the portal makes (the map page asks for about six API
/// answers) and leave room for many people behind one address (an office, a carrier's NAT).
/// </summary>
public sealed class RateLimitSettings
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "RateLimits";

    /// <summary>False turns the limits off (the output cache stays).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Anonymous requests one address may make at once (the bucket's size).</summary>
    [Range(1, 1_000_000)]
    public int AnonymousBurst { get; set; } = 600;

    /// <summary>Anonymous requests per second one address may make in the long run (the bucket's refill).</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPerSecond { get; set; } = 20;

    /// <summary>Requests a signed-in user may make at once.</summary>
    [Range(1, 1_000_000)]
    public int StaffBurst { get; set; } = 3000;

    /// <summary>Requests per second a signed-in user may make in the long run.</summary>
    [Range(1, 1_000_000)]
    public int StaffPerSecond { get; set; } = 200;

    /// <summary>How long an expensive anonymous read is answered from the output cache (zero: not cached).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(10);
}
