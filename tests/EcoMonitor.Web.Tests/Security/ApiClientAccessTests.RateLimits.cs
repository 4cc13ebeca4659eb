using System.Net;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>The rate limit of each API client: its own bucket, 429 with Retry-After beyond it, the RateLimit fields on every answer.</summary>
public sealed partial class ApiClientAccessTests
{
    [Fact]
    public async Task AClientBeyondItsBurst_Gets429WithRetryAfterAndRateLimitFields_WhileAnotherClientIsServed()
    {
        await using var api = new ApiFactory();
        (string small, _) = await IssueAsync(api, "小流量接口", ["alarms.read"], "510000", ""","requestsPerSecond":1,"burst":3""");
        (string other, _) = await IssueAsync(api, "另一部门", ["alarms.read"], "510000");

        using (HttpResponseMessage alone = await api.GetAsync("/api/v1/alarms?limit=1", small))
        {
            Assert.Equal(HttpStatusCode.OK, alone.StatusCode);
            Assert.Equal("\"client\";q=3;w=3", Header(alone, "RateLimit-Policy"));
            Assert.Equal("\"client\";r=2;t=1", Header(alone, "RateLimit"));
        }

        HttpResponseMessage[] answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.GetAsync("/api/v1/alarms?limit=1", small)));
        try
        {
            HttpResponseMessage[] served = [.. answers.Where(a => a.StatusCode == HttpStatusCode.OK)];
            HttpResponseMessage[] refused = [.. answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests)];
            // The two left, and one or two more if seconds passed meanwhile (the bucket refills one a second).
            Assert.InRange(served.Length, 2, 4);
            Assert.Equal(answers.Length, served.Length + refused.Length);
            Assert.All(answers, a => Assert.Equal("\"client\";q=3;w=3", Header(a, "RateLimit-Policy")));
            HttpResponseMessage first = refused[0];
            await ProblemAssert.IsAsync(first, HttpStatusCode.TooManyRequests, "rate-limited");
            Assert.True(first.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {first.Headers.RetryAfter}");
            Assert.All(refused, a => Assert.Matches("^\"client\";r=0;t=[1-3]$", Header(a, "RateLimit")));
        }
        finally
        {
            foreach (HttpResponseMessage answer in answers)
            {
                answer.Dispose();
            }
        }

        using HttpResponseMessage neighbour = await api.GetAsync("/api/v1/alarms?limit=1", other);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
        Assert.Equal("\"client\";q=60;w=6", Header(neighbour, "RateLimit-Policy"));
        Assert.Equal("\"client\";r=59;t=1", Header(neighbour, "RateLimit"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(",", values) : null;
}
