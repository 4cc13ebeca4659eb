using System.Net;
using System.Text.Json;
using EcoMonitor.Application.Access;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// People's accounts over HTTP against the real host: the first-run set-up token, a first sign-in that may do nothing
/// but set its password and enrol an authenticator, separation of duties, sessions that follow their account on the
/// next request (roles taken away, account disabled), and denials in the audit trail.
/// </summary>
[Trait("Area", "Security")]
public sealed class AccountAccessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetUp_CreatesTheThreeAdministrators_Once_AndTheirFirstSessionMaySetAPasswordAndEnrolOnly()
    {
        await using var api = new ApiFactory();
        Uri server = api.Client.BaseAddress!;
        Assert.True((await api.GetJsonAsync("/api/v1/setup")).GetProperty("required").GetBoolean());
        FirstRunSetUp setUp = api.Services.GetRequiredService<FirstRunSetUp>();
        (string token, _) = (await setUp.IssueIfRequiredAsync(Ct))!.Value;

        using HttpResponseMessage wrongToken = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/setup", SetUpBody("ecs_wrong", "a.sys", "a.sec", "a.audit"), key: null);
        using HttpResponseMessage samePerson = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/setup", SetUpBody(token, "one.person", "One.Person", "a.audit"), key: null);
        using HttpResponseMessage done = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/setup", SetUpBody(token, "wang.fang", "li.na", "chen.jie"), key: null);
        using HttpResponseMessage again = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/setup", SetUpBody(token, "x.sys", "x.sec", "x.audit"), key: null);

        await ProblemAssert.IsAsync(wrongToken, HttpStatusCode.Forbidden, "set-up-refused");
        await ProblemAssert.IsAsync(samePerson, HttpStatusCode.BadRequest, "invalid-body");
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        await ProblemAssert.IsAsync(again, HttpStatusCode.Forbidden, "set-up-refused");
        Assert.False((await api.GetJsonAsync("/api/v1/setup")).GetProperty("required").GetBoolean());
        JsonElement[] created = [.. (await ApiFactory.ReadJsonAsync(done)).GetProperty("accounts").EnumerateArray()];
        Assert.Equal(["systemAdministrator", "securityAdministrator", "auditAdministrator"], created.Select(a => a.GetProperty("role").GetString()));
        string temporary = created[0].GetProperty("temporaryPassword").GetString()!;

        // The first session: nothing but its own password, then nothing but an authenticator.
        string cookie = await TestPeople.SignInAsync(server, "wang.fang", temporary);
        string otherSession = await TestPeople.SignInAsync(server, "wang.fang", temporary);
        Assert.Equal(["password", "two-factor"], Pending(await GetJsonAsync(server, "/api/v1/console/me", cookie)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(server, HttpMethod.Get, "/api/v1/accounts", cookie));
        using HttpResponseMessage weak = await PostAsync(server, "/api/v1/console/me/password", cookie, new { currentPassword = temporary, newPassword = "wangfang1" });
        await ProblemAssert.IsAsync(weak, HttpStatusCode.BadRequest, "invalid-body");
        using HttpResponseMessage changed = await PostAsync(server, "/api/v1/console/me/password", cookie, new { currentPassword = temporary, newPassword = TestPeople.Password });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        // This session goes on; any other session of the old password is over.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(server, HttpMethod.Get, "/api/v1/console/me", otherSession));
        Assert.Equal(["two-factor"], Pending(await GetJsonAsync(server, "/api/v1/console/me", cookie)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(server, HttpMethod.Get, "/api/v1/accounts", cookie));

        using HttpResponseMessage begun = await PostAsync(server, "/api/v1/console/me/two-factor", cookie, new { });
        JsonElement enrolment = await ApiFactory.ReadJsonAsync(begun);
        string secret = enrolment.GetProperty("secret").GetString()!;
        Assert.StartsWith("otpauth://totp/", enrolment.GetProperty("link").GetString(), StringComparison.Ordinal);
        using HttpResponseMessage confirmed = await PostAsync(server, "/api/v1/console/me/two-factor/confirm", cookie,
            new { enrolment = enrolment.GetProperty("enrolment").GetString(), code = TotpAuthenticator.CodeAt(secret, DateTimeOffset.UtcNow) });
        Assert.Equal(10, (await ApiFactory.ReadJsonAsync(confirmed)).GetProperty("recoveryCodes").GetArrayLength());
        Assert.Empty(Pending(await GetJsonAsync(server, "/api/v1/console/me", cookie)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, HttpMethod.Get, "/api/v1/accounts", cookie));

        // From now on the password alone is not enough.
        using HttpResponseMessage passwordOnly = await TestPeople.PostSignInAsync(server, "wang.fang");
        await ProblemAssert.IsAsync(passwordOnly, HttpStatusCode.Unauthorized, "second-factor-required");
        await TestPeople.SignInAsync(server, "wang.fang", code: TotpAuthenticator.CodeAt(secret, DateTimeOffset.UtcNow.AddSeconds(30)));
    }

    [Fact]
    public async Task TheSystemAdministrator_MayNotAssignRoles_AndNobodyAssignsTheirOwn_AndTheDenialIsAudited()
    {
        await using var api = ApiFactory.With(new Dictionary<string, string?> { ["Accounts:TwoFactorForEnforcement"] = "false" });
        Uri server = api.Client.BaseAddress!;
        await TestPeople.CreateAsync(api.Services, "sec.admin", [Role.SecurityAdministrator], jurisdiction: null);
        string securityCode = TotpAuthenticator.CodeAt(await TestPeople.EnrolTwoFactorAsync(api.Services, "sec.admin"), DateTimeOffset.UtcNow.AddSeconds(30));
        string security = await TestPeople.SignInAsync(server, "sec.admin", code: securityCode);
        await TestPeople.CreateAsync(api.Services, "ops.person", [Role.NetworkOperator]);
        string operatorCookie = await TestPeople.SignInAsync(server, "ops.person");

        using HttpResponseMessage ownRoles = await SendAsync(server, HttpMethod.Put, "/api/v1/accounts/sec.admin/access", security, """{"roles":["auditAdministrator"]}""");
        using HttpResponseMessage twoAdministrators = await SendAsync(server, HttpMethod.Put, "/api/v1/accounts/ops.person/access", security,
            """{"roles":["systemAdministrator","auditAdministrator"]}""");
        using HttpResponseMessage byOperator = await SendAsync(server, HttpMethod.Put, "/api/v1/accounts/ops.person/access", operatorCookie,
            """{"roles":["networkOperator","enforcement"],"jurisdiction":"320000"}""");

        await ProblemAssert.IsAsync(ownRoles, HttpStatusCode.BadRequest, "invalid-body");
        await ProblemAssert.IsAsync(twoAdministrators, HttpStatusCode.BadRequest, "invalid-body");
        Assert.Contains("三员分立", await twoAdministrators.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await ProblemAssert.IsAsync(byOperator, HttpStatusCode.Forbidden, "forbidden");
        JsonElement denied = await api.WaitForJsonAsync("/api/v1/audit?subjectType=user&subjectId=ops.person",
            a => a.EnumerateArray().Any(e => e.GetProperty("action").GetString() == "security.permission-denied"), key: ApiFactory.AdminKey);
        JsonElement entry = denied.EnumerateArray().First(e => e.GetProperty("action").GetString() == "security.permission-denied");
        Assert.Contains("access.assign", entry.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASession_FollowsItsAccount_RolesTakenAway_APasswordReset_AndDisablingReachItOnTheNextRequest()
    {
        await using var api = new ApiFactory();
        Uri server = api.Client.BaseAddress!;
        await TestPeople.CreateAsync(api.Services, "ops.person", [Role.NetworkOperator]);
        string cookie = await TestPeople.SignInAsync(server, "ops.person");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, HttpMethod.Get, "/api/v1/ingest/stats", cookie));

        using HttpResponseMessage reassigned = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/accounts/ops.person/access", """{"roles":["manager"],"jurisdiction":"320000"}""");
        Assert.Equal(HttpStatusCode.OK, reassigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(server, HttpMethod.Get, "/api/v1/ingest/stats", cookie));
        Assert.Equal(["manager"], (await GetJsonAsync(server, "/api/v1/console/me", cookie)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // A password reset ends the sessions of the old password.
        using HttpResponseMessage reset = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/accounts/ops.person/reset-password", "{}");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(server, HttpMethod.Get, "/api/v1/console/me", cookie));
        cookie = await TestPeople.SignInAsync(server, "ops.person", (await ApiFactory.ReadJsonAsync(reset)).GetProperty("temporaryPassword").GetString()!);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, HttpMethod.Get, "/api/v1/console/me", cookie));

        using HttpResponseMessage disabled = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/accounts/ops.person/disable", "{}");
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(server, HttpMethod.Get, "/api/v1/console/me", cookie));
        using HttpResponseMessage signIn = await TestPeople.PostSignInAsync(server, "ops.person");
        await ProblemAssert.IsAsync(signIn, HttpStatusCode.Unauthorized, "sign-in-failed");
    }

    private static string SetUpBody(string token, string system, string security, string audit) => JsonSerializer.Serialize(new
    {
        token,
        systemAdministrator = new { user = system, displayName = "系统管理员" },
        securityAdministrator = new { user = security, displayName = "安全管理员" },
        auditAdministrator = new { user = audit, displayName = "审计管理员" },
    });

    private static string[] Pending(JsonElement me) => [.. me.GetProperty("pending").EnumerateArray().Select(p => p.GetString()!)];

    private static async Task<HttpResponseMessage> PostAsync(Uri server, string path, string cookie, object body) =>
        await SendAsync(server, HttpMethod.Post, path, cookie, JsonSerializer.Serialize(body));

    private static Task<HttpResponseMessage> SendAsync(Uri server, HttpMethod method, string path, string cookie, string json) =>
        ConsoleCookie.SendJsonAsync(server, method, path, cookie, json);

    private static Task<HttpStatusCode> StatusAsync(Uri server, HttpMethod method, string path, string cookie) => ConsoleCookie.SendAsync(server, method, path, cookie);

    private static async Task<JsonElement> GetJsonAsync(Uri server, string path, string cookie)
    {
        using HttpClient client = new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server };
        using HttpRequestMessage request = new(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using HttpResponseMessage response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiFactory.ReadJsonAsync(response);
    }
}
