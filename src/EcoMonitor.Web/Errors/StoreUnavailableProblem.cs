using System.Globalization;

namespace EcoMonitor.Web.Errors;

/// <summary>
/// The answer while the store cannot be reached: 503 with <c>Retry-After</c>, from the API's error handling
/// (<see cref="ProblemTypes.StoreUnavailable"/>) and from the readiness check alike. Says nothing about the cause (no
/// exception text, no server names).
/// </summary>
internal static class StoreUnavailableProblem
{
    /// <summary>The wait a client is asked to keep before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Sets the status and the <c>Retry-After</c> header on <paramref name="response"/>.</summary>
    public static void Apply(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }
}
