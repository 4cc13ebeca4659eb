using System.Net;
using System.Text.Json;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Sign-in through an external identity provider (统一身份认证, ADR 0036 §7) against a real OpenIddict server on
/// loopback: the provider proves who, the account's roles and jurisdiction say what (one identity, one account; no
/// password step for a provider's session); an identity linked to no account,
/// or to a disabled one, is refused and no account is made; local passwords are off; a tampered answer is refused; an
/// account with an authenticator gives its code on a second step.
/// </summary>
[Trait("Area", "Security")]
public sealed class OidcSignInTests(OidcPlatform platform) : IClassFixture<OidcPlatform>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory Api => platform.Api;

    [Fact]
    public async Task ALinkedAccount_SignsInThroughTheProvider_WithItsOwnPermissionsAndJurisdiction()
    {
        await TestPeople.CreateAsync(Api.Services, "oidc.reviewer", [Role.DataReviewer], jurisdiction: "320100");
        using HttpResponseMessage linked = await LinkAsync("oidc.reviewer", platform.Provider.Issuer, "reviewer-4711");
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        JsonElement identity = (await ApiFactory.ReadJsonAsync(linked)).GetProperty("externalIdentity");
        Assert.Equal("reviewer-4711", identity.GetProperty("subject").GetString());

        using HttpClient browser = Browser();
        using HttpResponseMessage landed = await SignInThroughProviderAsync(browser, "reviewer-4711", "/console/index.html?tab=review");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Contains("url=/console/index.html?tab=review", await landed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        JsonElement me = await ApiFactory.ReadJsonAsync(await browser.GetAsync(new Uri("/api/v1/console/me", UriKind.Relative), Ct));
        Assert.Equal("oidc.reviewer", me.GetProperty("user").GetString());
        Assert.Equal("320100", me.GetProperty("jurisdiction").GetString());
        Assert.Empty(me.GetProperty("pending").EnumerateArray());
        Assert.Contains("review.decide", me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/v1/review/queue", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(new Uri("/api/v1/accounts", UriKind.Relative), Ct)).StatusCode);
        JsonElement trail = await Api.WaitForJsonAsync("/api/v1/audit?subjectType=user&subjectId=oidc.reviewer",
            a => a.EnumerateArray().Any(e => e.GetProperty("action").GetString() == "security.signed-in"), key: ApiFactory.AdminKey);
        Assert.Contains("oidc", trail.EnumerateArray().First(e => e.GetProperty("action").GetString() == "security.signed-in").GetRawText(), StringComparison.Ordinal);
        JsonElement accountTrail = await Api.WaitForJsonAsync("/api/v1/audit?subjectType=account&subjectId=oidc.reviewer",
            a => a.GetArrayLength() > 0, key: ApiFactory.AdminKey);
        Assert.Contains("account.external-linked", accountTrail.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task AnUnlinkedSubject_IsRefused_AndNoAccountIsCreated()
    {
        int before = (await Api.StaffJsonAsync("/api/v1/accounts")).GetArrayLength();
        using HttpClient browser = Browser();

        using HttpResponseMessage refused = await SignInThroughProviderAsync(browser, "stranger-999", "/console/");

        JsonElement problem = await ProblemAssert.IsAsync(refused, HttpStatusCode.Forbidden, "external-sign-in-refused");
        Assert.Contains("stranger-999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/v1/console/me", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(before, (await Api.StaffJsonAsync("/api/v1/accounts")).GetArrayLength());
        string key = platform.Provider.Issuer + "|stranger-999";
        await Api.WaitForJsonAsync($"/api/v1/audit?subjectType=user&subjectId={Uri.EscapeDataString(key)}",
            a => a.EnumerateArray().Any(e => e.GetProperty("action").GetString() == "security.sign-in-failed"), key: ApiFactory.AdminKey);
    }

    [Fact]
    public async Task ADisabledLinkedAccount_IsRefused()
    {
        await TestPeople.CreateAsync(Api.Services, "oidc.leaver", [Role.Manager]);
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync("oidc.leaver", platform.Provider.Issuer, "leaver-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.SendJsonAsync(HttpMethod.Post, "/api/v1/accounts/oidc.leaver/disable", "{}")).StatusCode);
        using HttpClient browser = Browser();

        using HttpResponseMessage refused = await SignInThroughProviderAsync(browser, "leaver-1", "/console/");

        await ProblemAssert.IsAsync(refused, HttpStatusCode.Forbidden, "external-sign-in-refused");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/v1/console/me", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task WithLocalPasswordsOff_ThePasswordSignIn_IsRefusedWithAClearProblem_AndTheLoginPageIsTold()
    {
        await TestPeople.CreateAsync(Api.Services, "oidc.local", [Role.Manager]);

        using HttpResponseMessage refused = await TestPeople.PostSignInAsync(platform.Server, "oidc.local");

        await ProblemAssert.IsAsync(refused, HttpStatusCode.Forbidden, "local-passwords-disabled");
        JsonElement status = await Api.GetJsonAsync("/api/v1/setup");
        Assert.True(status.GetProperty("externalSignIn").GetBoolean());
        Assert.False(status.GetProperty("localPasswords").GetBoolean());
    }

    [Fact]
    public async Task TheCallback_RejectsATamperedState()
    {
        await TestPeople.CreateAsync(Api.Services, "oidc.tampered", [Role.Manager]);
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync("oidc.tampered", platform.Provider.Issuer, "tampered-1")).StatusCode);
        platform.Provider.NextSubject = "tampered-1";
        using HttpClient browser = Browser(followRedirects: false);
        using HttpResponseMessage challenge = await browser.GetAsync(new Uri("/api/v1/console/login/oidc?returnUrl=/console/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using HttpResponseMessage authorized = await browser.GetAsync(challenge.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        string callback = authorized.Headers.Location!.AbsoluteUri;
        Assert.Contains("state=", callback, StringComparison.Ordinal);

        // One character of the protected state changed: the handler cannot read it, so the answer is refused.
        int at = callback.IndexOf("state=", StringComparison.Ordinal) + "state=".Length + 10;
        string tampered = callback[..at] + (callback[at] == 'A' ? 'B' : 'A') + callback[(at + 1)..];
        using HttpResponseMessage refused = await browser.GetAsync(new Uri(tampered), Ct);

        await ProblemAssert.IsAsync(refused, HttpStatusCode.Forbidden, "external-sign-in-refused");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/v1/console/me", UriKind.Relative), Ct)).StatusCode);
        // The untouched answer still works once (the state was not used up by the forgery).
        using HttpResponseMessage genuine = await browser.GetAsync(new Uri(callback), Ct);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/v1/console/me", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task AnAccountWithAnAuthenticator_GivesItsCodeOnASecondStep_BeforeItHasASession()
    {
        await TestPeople.CreateAsync(Api.Services, "oidc.enforcer", [Role.Enforcement]);
        string secret = await TestPeople.EnrolTwoFactorAsync(Api.Services, "oidc.enforcer");
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync("oidc.enforcer", platform.Provider.Issuer, "enforcer-7")).StatusCode);
        using HttpClient browser = Browser();

        using HttpResponseMessage step = await SignInThroughProviderAsync(browser, "enforcer-7", "/console/index.html");

        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        Assert.Contains("/console/login.html?step=code", await step.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/v1/console/me", UriKind.Relative), Ct)).StatusCode);
        using HttpResponseMessage wrong = await PostCodeAsync(browser, "000000");
        await ProblemAssert.IsAsync(wrong, HttpStatusCode.Unauthorized, "sign-in-failed");
        // The step before's code was used at enrolment: wait for the next one.
        string code = TotpAuthenticator.CodeAt(secret, DateTimeOffset.UtcNow.AddSeconds(30));
        using HttpResponseMessage signedIn = await PostCodeAsync(browser, code);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("oidc.enforcer", (await ApiFactory.ReadJsonAsync(signedIn)).GetProperty("user").GetString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/v1/alarms", UriKind.Relative), Ct)).StatusCode);
        using HttpResponseMessage again = await PostCodeAsync(browser, code);
        await ProblemAssert.IsAsync(again, HttpStatusCode.Unauthorized, "sign-in-failed");
    }

    [Fact]
    public async Task AnIdentity_LinksOneAccountOnly_AProviderSessionSetsNoPassword_AndAnUnlinkedAccountIsRefusedAgain()
    {
        // Created through the API as the system administrator would: a temporary password, never changed.
        await TestPeople.CreateThroughApiAsync(Api.Client, ApiFactory.AdminKey, "oidc.first", """{"roles":["manager"],"jurisdiction":"510000"}""");
        await TestPeople.CreateThroughApiAsync(Api.Client, ApiFactory.AdminKey, "oidc.second", """{"roles":["manager"],"jurisdiction":"510000"}""");
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync("oidc.first", platform.Provider.Issuer, "shared-1")).StatusCode);

        using HttpResponseMessage taken = await LinkAsync("oidc.second", platform.Provider.Issuer, "shared-1");
        using HttpResponseMessage bad = await LinkAsync("oidc.second", "not a url", "x");
        await ProblemAssert.IsAsync(taken, HttpStatusCode.Conflict, "account-conflict");
        await ProblemAssert.IsAsync(bad, HttpStatusCode.BadRequest, "invalid-body");

        using (HttpClient browser = Browser())
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInThroughProviderAsync(browser, "shared-1", "/console/")).StatusCode);
            JsonElement me = await ApiFactory.ReadJsonAsync(await browser.GetAsync(new Uri("/api/v1/console/me", UriKind.Relative), Ct));
            Assert.Equal("oidc.first", me.GetProperty("user").GetString());
            Assert.Empty(me.GetProperty("pending").EnumerateArray());
            Assert.Equal("510000", me.GetProperty("jurisdiction").GetString());
        }

        using HttpResponseMessage unlinked = await Api.SendJsonAsync(HttpMethod.Put, "/api/v1/accounts/oidc.first/external-identity", """{"issuer":null,"subject":null}""");
        Assert.Equal(JsonValueKind.Null, (await ApiFactory.ReadJsonAsync(unlinked)).GetProperty("externalIdentity").ValueKind);
        using HttpClient again = Browser();
        await ProblemAssert.IsAsync(await SignInThroughProviderAsync(again, "shared-1", "/console/"), HttpStatusCode.Forbidden, "external-sign-in-refused");
    }

    private async Task<HttpResponseMessage> LinkAsync(string user, string issuer, string subject) =>
        await Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/accounts/{user}/external-identity", JsonSerializer.Serialize(new { issuer, subject }));

    private async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient browser, string subject, string returnUrl)
    {
        platform.Provider.NextSubject = subject;
        return await browser.GetAsync(new Uri("/api/v1/console/login/oidc?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative), Ct);
    }

    private static async Task<HttpResponseMessage> PostCodeAsync(HttpClient browser, string code) =>
        await browser.PostAsync(new Uri("/api/v1/console/login/oidc/code", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { code }), System.Text.Encoding.UTF8, "application/json"), Ct);

    // A browser's part: one cookie jar for the platform and the provider (both on 127.0.0.1), redirects followed.
    private HttpClient Browser(bool followRedirects = true) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = followRedirects }) { BaseAddress = platform.Server };
}
