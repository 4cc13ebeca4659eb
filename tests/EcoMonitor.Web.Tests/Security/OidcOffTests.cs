using System.Net;
using EcoMonitor.Web.Security.External;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Without <c>Identity:Oidc:Authority</c> there is no provider: the sign-in through it answers 404 and the login page is
/// told so; a provider that cannot be reached answers 503; settings that would leave nobody able to sign in are refused at start.
/// </summary>
[Trait("Area", "Security")]
public sealed class OidcOffTests
{
    [Fact]
    public async Task WithoutAProvider_TheExternalSignIn_IsNotFound_AndPasswordsStay()
    {
        await using var api = new ApiFactory();

        using HttpResponseMessage challenge = await api.GetAsync("/api/v1/console/login/oidc?returnUrl=/console/");

        await ProblemAssert.IsAsync(challenge, HttpStatusCode.NotFound, "not-found");
        var status = await api.GetJsonAsync("/api/v1/setup");
        Assert.False(status.GetProperty("externalSignIn").GetBoolean());
        Assert.True(status.GetProperty("localPasswords").GetBoolean());
    }

    [Fact]
    public async Task AProviderThatCannotBeReached_Answers503_NotAnError()
    {
        // Nothing listens on this loopback port: the discovery document cannot be read.
        await using var api = ApiFactory.With(new Dictionary<string, string?>
        {
            ["Identity:Oidc:Authority"] = $"http://127.0.0.1:{FreeTcpPort.Next()}/",
            ["Identity:Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Identity:Oidc:RequireHttpsMetadata"] = "false",
        });

        using HttpResponseMessage challenge = await api.GetAsync("/api/v1/console/login/oidc");

        await ProblemAssert.IsAsync(challenge, HttpStatusCode.ServiceUnavailable, "identity-provider-unavailable");
        Assert.True((await api.GetJsonAsync("/api/v1/setup")).GetProperty("localPasswords").GetBoolean());
    }

    [Theory]
    [InlineData(null, null, false, "LocalPasswords=false needs")]
    [InlineData("http://idp.example/", "c", true, "https")]
    [InlineData("https://idp.example/", null, true, "ClientId")]
    [InlineData("https://idp.example/", "c", true, null)]
    [InlineData(null, null, true, null)]
    public void Settings_ThatLeaveNobodyAbleToSignIn_OrAreIncomplete_AreRefused(string? authority, string? clientId, bool localPasswords, string? problem)
    {
        OidcOptions options = new() { Authority = authority, ClientId = clientId, LocalPasswords = localPasswords };

        if (problem is null)
        {
            Assert.Null(options.Problem());
        }
        else
        {
            Assert.Contains(problem, options.Problem(), StringComparison.Ordinal);
        }
    }
}
