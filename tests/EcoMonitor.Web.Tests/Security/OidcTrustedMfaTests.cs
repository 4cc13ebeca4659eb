using System.Net;
using System.Text.Json;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// A provider trusted for the second factor (<c>Identity:Oidc:TrustProviderMfa=true</c>) beside local passwords (the
/// default): its sign-in counts as both factors — no code step, no enrolment asked — and passwords still work.
/// </summary>
[Trait("Area", "Security")]
public sealed class OidcTrustedMfaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheProvidersSignIn_CountsAsTwoFactors_AndPasswordsStayAllowed()
    {
        int providerPort = FreeTcpPort.Next();
        await using var api = ApiFactory.With(new Dictionary<string, string?>
        {
            ["Identity:Oidc:Authority"] = $"http://127.0.0.1:{providerPort}/",
            ["Identity:Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Identity:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Identity:Oidc:RequireHttpsMetadata"] = "false",
            ["Identity:Oidc:TrustProviderMfa"] = "true",
        });
        await using TestIdentityProvider provider = await TestIdentityProvider.StartAsync(
            providerPort, $"http://127.0.0.1:{api.HttpPort}/api/v1/console/login/oidc/callback");
        await TestPeople.CreateAsync(api.Services, "trusted.enrolled", [Role.Enforcement]);
        await TestPeople.EnrolTwoFactorAsync(api.Services, "trusted.enrolled");
        await TestPeople.CreateAsync(api.Services, "trusted.none", [Role.Enforcement]);

        foreach ((string user, string subject) in new[] { ("trusted.enrolled", "t-1"), ("trusted.none", "t-2") })
        {
            using HttpResponseMessage linked = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/accounts/{user}/external-identity",
                JsonSerializer.Serialize(new { issuer = provider.Issuer, subject }));
            Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
            provider.NextSubject = subject;
            using HttpClient browser = new(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = api.Client.BaseAddress };

            using HttpResponseMessage landed = await browser.GetAsync(new Uri("/api/v1/console/login/oidc?returnUrl=/console/", UriKind.Relative), Ct);

            Assert.DoesNotContain("step=code", await landed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            JsonElement me = await ApiFactory.ReadJsonAsync(await browser.GetAsync(new Uri("/api/v1/console/me", UriKind.Relative), Ct));
            Assert.Equal(user, me.GetProperty("user").GetString());
            Assert.Empty(me.GetProperty("pending").EnumerateArray());
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/v1/alarms", UriKind.Relative), Ct)).StatusCode);
        }

        using HttpResponseMessage password = await TestPeople.PostSignInAsync(api.Client.BaseAddress!, "trusted.none");
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.Equal(["two-factor"], (await ApiFactory.ReadJsonAsync(password)).GetProperty("pending").EnumerateArray().Select(p => p.GetString()));
    }
}
