using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// The token buckets of API clients, one per client with the client's own rate (ADR 0036 §8), kept so that every answer
/// to a client can say what is left (the <c>RateLimit-Policy</c> and <c>RateLimit</c> fields of
/// draft-ietf-httpapi-ratelimit-headers). The rate limiter creates the buckets (<see cref="Create"/>) and disposes idle
/// ones; a disposed one is replaced at the client's next request. Thread-safe (a concurrent dictionary; at most one
/// entry per client ever issued).
/// </summary>
internal sealed class ApiClientRateLimits
{
    /// <summary>The name of the clients' quota policy in the headers.</summary>
    public const string PolicyName = "client";

    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);

    /// <summary>A new bucket for client <paramref name="id"/> of <paramref name="burst"/> tokens refilled by <paramref name="perSecond"/> a second.</summary>
    public TokenBucketRateLimiter Create(string id, int perSecond, int burst)
    {
        var bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        _buckets[id] = bucket;
        return bucket;
    }

    /// <summary>
    /// <c>RateLimit-Policy</c>: the quota <c>q</c> is the burst, the window <c>w</c> the seconds an empty bucket takes to
    /// fill again (the rate is q/w a second).
    /// </summary>
    public static string Policy(int perSecond, int burst) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";q={burst};w={Window(perSecond, burst)}");

    /// <summary><c>RateLimit</c>: <c>r</c> the requests left now, <c>t</c> the seconds until the bucket is full again.</summary>
    public string Remaining(string id, int perSecond, int burst)
    {
        long left = _buckets.TryGetValue(id, out TokenBucketRateLimiter? bucket) ? Math.Max(0, bucket.GetStatistics()?.CurrentAvailablePermits ?? 0) : burst;
        long reset = (long)Math.Ceiling((burst - Math.Min(left, burst)) / (double)perSecond);
        return string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";r={left};t={reset}");
    }

    private static int Window(int perSecond, int burst) => Math.Max(1, (int)Math.Ceiling(burst / (double)perSecond));
}
