using System.Net.Http.Headers;
using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Every write endpoint of the OpenAPI document, called successfully, adds an audit entry with the caller and the
/// caller's address. The endpoints come from the document: a new write endpoint fails this test until it has a recipe
/// here (how to call it successfully) and records what it changed.
/// </summary>
[Trait("Area", "Security")]
public sealed class AuditCoverageTests
{
    private const string Person = "zhang.wei";
    private const string Outlet = "AUDITOUT1";
    private const string OidcPerson = "oidc.person";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryWriteEndpoint_WhenItSucceeds_AddsAnAuditEntry_WithTheActorAndTheAddress()
    {
        int providerPort = FreeTcpPort.Next();
        await using var api = ApiFactory.With(new Dictionary<string, string?>
        {
            ["Console:AllowInsecureCookie"] = "true",
            ["Alarms:RulesFile"] = RepoFiles.Path("config/alarm-rules.json"),
            ["Identity:Oidc:Authority"] = $"http://127.0.0.1:{providerPort}/",
            ["Identity:Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Identity:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Identity:Oidc:RequireHttpsMetadata"] = "false",
        });
        await using TestIdentityProvider provider = await TestIdentityProvider.StartAsync(
            providerPort, $"http://127.0.0.1:{api.HttpPort}/api/v1/console/login/oidc/callback");
        using HttpClient browser = new(new SocketsHttpHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = api.Client.BaseAddress };
        Uri server = api.Client.BaseAddress!;
        string? cookie = null;
        string? temporary = null;
        JsonElement enrolment = default;
        string? clientId = null;
        string? oidcSecret = null;
        (string Endpoint, Func<Task<HttpResponseMessage>> Call)[] recipes =
        [
            ("POST /api/v1/stations", () => api.RegisterStationAsync($$"""
                {"mn":"{{Outlet}}","name":"审计测试电厂1号烟气排口","type":"flueGasOutlet","region":"510104","enterprise":"审计测试电厂","password":"{{Frames.RegisteredPassword}}"}
                """)),
            ("PUT /api/v1/stations/{mn}/permit-limits", () => api.SendJsonAsync(HttpMethod.Put, $"/api/v1/stations/{Outlet}/permit-limits",
                """[{"parameter":"a21026","limit":50,"permitNumber":"91510104MA0000000X001P"}]""")),
            ("POST /api/v1/observations/import", () => api.ImportAsync(
                $"station,parameter,interval,period_start,value\n{Outlet},a21026,hour,2026-03-01T08:00:00+08:00,120\n", "text/csv")),
            ("POST /api/v1/alarms/{id}/{action}", async () =>
            {
                JsonElement alarms = await api.WaitForJsonAsync($"/api/v1/alarms?station={Outlet}", a => a.GetArrayLength() > 0, key: ApiFactory.AdminKey);
                return await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/alarms/{alarms[0].GetProperty("id").GetInt64()}/acknowledge", """{"comment":"收到"}""");
            }),
            ("POST /api/v1/review/decisions", () => api.SendJsonAsync(HttpMethod.Post, "/api/v1/review/decisions", $$"""
                [{"station":"{{Outlet}}","parameter":"a21026","interval":"hour","from":"2026-03-01T08:00:00+08:00","to":"2026-03-01T09:00:00+08:00","verdict":"invalid","reason":"calibration","comment":"标定"}]
                """)),
            ("PUT /api/v1/alarm-rules/{id}", () => api.SendJsonAsync(HttpMethod.Put, "/api/v1/alarm-rules/audit-rule", """
                {"id":"audit-rule","name":"审计测试规则","kind":"exceedance","stationType":"flueGasOutlet","parameter":"a21002","interval":"hour","limitSource":"fixed","limit":100}
                """)),
            ("DELETE /api/v1/alarm-rules/{id}", () => SendAsync(api, HttpMethod.Delete, "/api/v1/alarm-rules/audit-rule")),
            ("PUT /api/v1/dust-days/{city}/{day}", () => api.SendJsonAsync(HttpMethod.Put, "/api/v1/dust-days/510100/2019-12-20", """{"note":"沙尘过境"}""")),
            ("DELETE /api/v1/dust-days/{city}/{day}", () => SendAsync(api, HttpMethod.Delete, "/api/v1/dust-days/510100/2019-12-20")),
            ("PUT /api/v1/targets/{region}/{year}", () => api.SendJsonAsync(HttpMethod.Put, "/api/v1/targets/510100/2026", """{"pm25":35}""")),
            ("DELETE /api/v1/targets/{region}/{year}", () => SendAsync(api, HttpMethod.Delete, "/api/v1/targets/510100/2026")),
            ("POST /api/v1/work/set-aside/{id}/retry", async () =>
            {
                // Work set aside as a worker would after its last attempt, straight in the store.
                IPendingWorkStore work = api.Services.GetRequiredService<IPendingWorkStore>();
                var day = new WorkDay(StationId.Parse(Outlet), ObservationInterval.Hour, new LocalDate(2026, 3, 1));
                await work.FailAsync(WorkKind.Quality, day, "System.OverflowException: test", 1, SystemClock.Instance.GetCurrentInstant(), Ct);
                long id = (await work.SetAsideAsync(10, Ct)).First(w => w.Day == day).Id;
                return await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/work/set-aside/{id}/retry", "{}");
            }),
            ("POST /api/v1/setup", async () =>
            {
                (string token, _) = (await api.Services.GetRequiredService<FirstRunSetUp>().IssueIfRequiredAsync(Ct))!.Value;
                return await api.SendJsonAsync(HttpMethod.Post, "/api/v1/setup", JsonSerializer.Serialize(new
                {
                    token,
                    systemAdministrator = new { user = "sys.admin", displayName = "王芳" },
                    securityAdministrator = new { user = "sec.admin", displayName = "李娜" },
                    auditAdministrator = new { user = "audit.admin", displayName = "陈杰" },
                }), key: null);
            }),
            ("POST /api/v1/accounts", async () =>
            {
                HttpResponseMessage response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/accounts", $$"""{"user":"{{Person}}","displayName":"张伟"}""");
                temporary = (await ApiFactory.ReadJsonAsync(response)).GetProperty("temporaryPassword").GetString();
                return response;
            }),
            ("PUT /api/v1/accounts/{user}/access", () => api.SendJsonAsync(HttpMethod.Put, $"/api/v1/accounts/{Person}/access",
                """{"roles":["networkOperator"],"jurisdiction":"510000"}""")),
            ("POST /api/v1/accounts/{user}/disable", () => api.SendJsonAsync(HttpMethod.Post, $"/api/v1/accounts/{Person}/disable", "{}")),
            ("POST /api/v1/accounts/{user}/enable", () => api.SendJsonAsync(HttpMethod.Post, $"/api/v1/accounts/{Person}/enable", "{}")),
            ("POST /api/v1/accounts/{user}/reset-two-factor", () => api.SendJsonAsync(HttpMethod.Post, $"/api/v1/accounts/{Person}/reset-two-factor", "{}")),
            ("POST /api/v1/accounts/{user}/reset-password", async () =>
            {
                HttpResponseMessage response = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/accounts/{Person}/reset-password", "{}");
                temporary = (await ApiFactory.ReadJsonAsync(response)).GetProperty("temporaryPassword").GetString();
                return response;
            }),
            ("POST /api/v1/clients", async () =>
            {
                HttpResponseMessage response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/clients",
                    """{"name":"省水利厅水文数据交换","owner":"省水利厅信息中心","permissions":["alarms.read"],"jurisdiction":"510000","validDays":365}""");
                clientId = (await ApiFactory.ReadJsonAsync(response)).GetProperty("client").GetProperty("id").GetString();
                return response;
            }),
            ("POST /api/v1/reports", () => api.SendJsonAsync(HttpMethod.Post, "/api/v1/reports", """{"kind":"daily-bulletin","region":"220000","period":"2019-12-20"}""")),
            ("POST /api/v1/clients/{id}/revoke", () => api.SendJsonAsync(HttpMethod.Post, $"/api/v1/clients/{clientId}/revoke", "{}")),
            ("POST /api/v1/console/login", async () =>
            {
                HttpResponseMessage response = await TestPeople.PostSignInAsync(server, Person, temporary!);
                cookie = ConsoleCookie.Of(response);
                return response;
            }),
            ("POST /api/v1/console/me/password", async () =>
            {
                HttpResponseMessage response = await WithCookieAsync(server, cookie!, "/api/v1/console/me/password",
                    JsonSerializer.Serialize(new { currentPassword = temporary, newPassword = TestPeople.Password }));
                cookie = ConsoleCookie.Of(response);
                return response;
            }),
            ("POST /api/v1/console/me/two-factor", async () =>
            {
                HttpResponseMessage response = await WithCookieAsync(server, cookie!, "/api/v1/console/me/two-factor", "{}");
                enrolment = await ApiFactory.ReadJsonAsync(response);
                return response;
            }),
            ("POST /api/v1/console/me/two-factor/confirm", () => WithCookieAsync(server, cookie!, "/api/v1/console/me/two-factor/confirm",
                JsonSerializer.Serialize(new
                {
                    enrolment = enrolment.GetProperty("enrolment").GetString(),
                    code = TotpAuthenticator.CodeAt(enrolment.GetProperty("secret").GetString()!, DateTimeOffset.UtcNow),
                }))),
            ("POST /api/v1/console/logout", () => WithCookieAsync(server, cookie!, "/api/v1/console/logout", "{}")),
            ("PUT /api/v1/accounts/{user}/external-identity", async () =>
            {
                // Another person than the one signed in above: a second sign-in of one person within a minute is folded into one entry.
                await TestPeople.CreateAsync(api.Services, OidcPerson, [Role.Enforcement]);
                oidcSecret = await TestPeople.EnrolTwoFactorAsync(api.Services, OidcPerson);
                return await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/accounts/{OidcPerson}/external-identity",
                    JsonSerializer.Serialize(new { issuer = provider.Issuer, subject = "audit-4711" }));
            }),
            ("POST /api/v1/console/login/oidc/code", async () =>
            {
                // Through the provider, then the authenticator (its next step: the enrolment used this one).
                provider.NextSubject = "audit-4711";
                using HttpResponseMessage step = await browser.GetAsync(new Uri("/api/v1/console/login/oidc", UriKind.Relative), Ct);
                Assert.Contains("step=code", await step.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
                string code = TotpAuthenticator.CodeAt(oidcSecret!, DateTimeOffset.UtcNow.AddSeconds(30));
                return await browser.PostAsync(new Uri("/api/v1/console/login/oidc/code", UriKind.Relative),
                    new StringContent(JsonSerializer.Serialize(new { code }), System.Text.Encoding.UTF8, "application/json"), Ct);
            }),
        ];

        string[] documented = await WriteEndpointsAsync(api);
        string[] withoutRecipe = [.. documented.Except(recipes.Select(r => r.Endpoint), StringComparer.Ordinal)];
        Assert.True(withoutRecipe.Length == 0,
            "write endpoints without a recipe in AuditCoverageTests (add one, and make the endpoint record its change in the audit trail): " + string.Join(", ", withoutRecipe));

        foreach ((string endpoint, Func<Task<HttpResponseMessage>> call) in recipes)
        {
            long before = await HeadAsync(api);
            using (HttpResponseMessage response = await call())
            {
                Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            }

            JsonElement added = await api.WaitForJsonAsync("/api/v1/audit?limit=50",
                entries => entries.GetArrayLength() > 0 && entries[0].GetProperty("sequence").GetInt64() > before, seconds: 15, key: ApiFactory.AdminKey);
            JsonElement[] entries = [.. added.EnumerateArray().Where(e => e.GetProperty("sequence").GetInt64() > before)];
            Assert.True(entries.Length > 0, $"{endpoint} succeeded but added no audit entry");
            Assert.True(
                entries.Any(e => e.GetProperty("address").GetString() == "127.0.0.1" && !e.GetProperty("actor").GetString()!.StartsWith("system:", StringComparison.Ordinal)),
                $"{endpoint}: no entry names the caller and the address: " + string.Join("; ", entries.Select(e => e.GetRawText())));
        }
    }

    private static async Task<string[]> WriteEndpointsAsync(ApiFactory api)
    {
        JsonElement document = await api.GetJsonAsync("/openapi/v1.json");
        return
        [
            .. document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "post" or "put" or "delete" or "patch")
                .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}")),
        ];
    }

    private static async Task<long> HeadAsync(ApiFactory api)
    {
        JsonElement newest = await api.WaitForJsonAsync("/api/v1/audit?limit=1", _ => true, key: ApiFactory.AdminKey);
        return newest.GetArrayLength() == 0 ? 0 : newest[0].GetProperty("sequence").GetInt64();
    }

    private static Task<HttpResponseMessage> WithCookieAsync(Uri server, string cookie, string path, string json) =>
        ConsoleCookie.SendJsonAsync(server, HttpMethod.Post, path, cookie, json);

    private static async Task<HttpResponseMessage> SendAsync(ApiFactory api, HttpMethod method, string path)
    {
        using HttpRequestMessage request = new(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminKey);
        return await api.Client.SendAsync(request, Ct);
    }
}
