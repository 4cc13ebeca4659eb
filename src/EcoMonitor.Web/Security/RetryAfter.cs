using System.Globalization;

namespace EcoMonitor.Web.Security;

/// <summary>The <c>Retry-After</c> header of a 429 or 503 answer, in whole seconds rounded up (RFC 9110 §10.2.3).</summary>
internal static class RetryAfter
{
    /// <summary>Sets the header on <paramref name="response"/>; returns the seconds set.</summary>
    public static int Set(HttpResponse response, TimeSpan wait)
    {
        int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
