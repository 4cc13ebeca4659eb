using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>Guessing console passwords and API keys against the real host: slowed, audited with the address, never locking out the owner.</summary>
[Trait("Area", "Security")]
public sealed class CredentialGuessingTests
{
    private const string Person = "duty.operator";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConsoleSignIn_AfterFiveFailures_LocksTheAccount_Answers429ToTheGuesser_AndAResetLiftsTheLock()
    {
        await using var api = new ApiFactory();
        Uri server = api.Client.BaseAddress!;
        await TestPeople.CreateAsync(api.Services, Person, [Role.NetworkOperator]);
        using HttpClient owner = LoopbackClient.From("127.0.1.10", server);
        using HttpClient attacker = LoopbackClient.From("127.0.1.66", server);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(owner, Person, TestPeople.Password)).StatusCode);

        var answers = new List<HttpStatusCode>();
        for (int i = 0; i < 8; i++)
        {
            answers.Add((await SignInAsync(attacker, Person, "guess" + i)).StatusCode);
        }

        using HttpResponseMessage rightButThrottled = await SignInAsync(attacker, Person, TestPeople.Password);
        using HttpResponseMessage ownerLocked = await SignInAsync(owner, Person, TestPeople.Password);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), answers.Take(5));
        Assert.All(answers.Skip(5), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButThrottled.StatusCode);
        Assert.True(rightButThrottled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await ProblemAssert.IsAsync(rightButThrottled, HttpStatusCode.TooManyRequests, "too-many-attempts");
        // The account is locked (等保: 登录失败处理): the right password from the owner's own address is refused too,
        // with the same answer as a wrong one, until the lock ends or the system administrator resets the password.
        await ProblemAssert.IsAsync(ownerLocked, HttpStatusCode.Unauthorized, "sign-in-failed");
        using HttpResponseMessage reset = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/accounts/{Person}/reset-password", "{}");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        string temporary = (await ApiFactory.ReadJsonAsync(reset)).GetProperty("temporaryPassword").GetString()!;
        using HttpResponseMessage afterReset = await SignInAsync(owner, Person, temporary);
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Equal(["password"], (await ApiFactory.ReadJsonAsync(afterReset)).GetProperty("pending").EnumerateArray().Select(p => p.GetString()));

        JsonElement audit = await api.WaitForJsonAsync($"/api/v1/audit?subjectType=user&subjectId={Person}",
            a => Actions(a).Contains("security.sign-in-throttled"), key: ApiFactory.AdminKey);
        string[] actions = Actions(audit);
        Assert.Contains("security.signed-in", actions);
        Assert.Contains("security.sign-in-failed", actions);
        JsonElement failed = audit.EnumerateArray().First(e => e.GetProperty("action").GetString() == "security.sign-in-failed");
        Assert.Equal("anonymous", failed.GetProperty("actor").GetString());
        JsonElement accountTrail = await api.WaitForJsonAsync($"/api/v1/audit?subjectType=account&subjectId={Person}", a => a.GetArrayLength() > 0, key: ApiFactory.AdminKey);
        Assert.Contains("account.locked", Actions(accountTrail));
        Assert.Contains("account.password-reset", Actions(accountTrail));
    }

    [Fact]
    public async Task WrongApiKeys_AreAudited_ThenRefusedWith429_AndTheRightKeyFromElsewhereStillWorks_AndIsAuditedToo()
    {
        await using var api = new ApiFactory();
        Uri server = api.Client.BaseAddress!;
        using HttpClient attacker = LoopbackClient.From("127.0.1.77", server);
        using HttpClient operatorClient = LoopbackClient.From("127.0.1.11", server);
        Assert.Equal(HttpStatusCode.OK, (await GetAuditAsync(operatorClient, ApiFactory.AdminKey)).StatusCode);

        var answers = new List<HttpStatusCode>();
        for (int i = 0; i < 7; i++)
        {
            answers.Add((await GetAuditAsync(attacker, "wrong-key-" + i)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), answers.Take(5));
        Assert.All(answers.Skip(5), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAuditAsync(attacker, ApiFactory.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAuditAsync(operatorClient, ApiFactory.AdminKey)).StatusCode);

        JsonElement audit = await api.WaitForJsonAsync("/api/v1/audit?subjectType=api-key&subjectId=api-key",
            a => a.GetArrayLength() > 0, key: ApiFactory.AdminKey);
        JsonElement rejected = Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "security.api-key-rejected");
        Assert.Equal("127.0.1.77", rejected.GetProperty("address").GetString());
        // Every use of the emergency key is in the trail too, with the address it came from.
        JsonElement used = await api.WaitForJsonAsync($"/api/v1/audit?subjectType=user&subjectId={AccountNames.BootstrapKeyName}",
            a => a.EnumerateArray().Any(e => e.GetProperty("address").GetString() == "127.0.1.11"), key: ApiFactory.AdminKey);
        Assert.All(used.EnumerateArray(), e => Assert.StartsWith("security.emergency-key-used", e.GetProperty("action").GetString(), StringComparison.Ordinal));
    }

    private static string[] Actions(JsonElement entries) => [.. entries.EnumerateArray().Select(e => e.GetProperty("action").GetString()!)];

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password) =>
        await client.PostAsJsonAsync("/api/v1/console/login", new { user, password }, Ct);

    private static async Task<HttpResponseMessage> GetAuditAsync(HttpClient client, string key)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, "/api/v1/audit?limit=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await client.SendAsync(request, Ct);
    }
}
