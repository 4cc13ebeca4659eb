using System.Net;

namespace EcoMonitor.Web.Tests.Contract;

/// <summary>The answers of the HTTP API to requests it must refuse.</summary>
[Trait("Area", "Foundation")]
public sealed class ProblemContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInWithoutAUserName_IsRefused_AndTheHostKeepsServing()
    {
        // An empty name once reached the audit trail as an empty subject and stopped the host's security event log.
        using HttpResponseMessage empty = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/console/login", "{}", key: null);
        using HttpResponseMessage blank = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/console/login", """{"user": " ", "password": "x"}""", key: null);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        await Task.Delay(500, Ct);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/parameters")).StatusCode);
    }
}
