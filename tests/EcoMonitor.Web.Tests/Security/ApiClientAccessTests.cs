using System.Net;
using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// API clients (ADR 0036 §8, docs/security.md "API clients") over real HTTP: a key reads what its permissions allow within
/// its jurisdiction only, is refused alike when unknown, tampered, revoked or expired, never reaches the console's
/// signed-in endpoints, the accounts or the clients, and is limited at its own rate with the RateLimit fields.
/// </summary>
[Trait("Area", "Security")]
public sealed partial class ApiClientAccessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKeyOfCountyA_ReadsItsAlarmsAndCompleteness_NothingOfCountyB_AndNothingItsPermissionsLack()
    {
        DirectoryInfo directory = Directory.CreateTempSubdirectory("ecomon-client-");
        try
        {
            string rules = Path.Combine(directory.FullName, "alarm-rules.json");
            await File.WriteAllTextAsync(rules, """{ "channels": [], "rules": [] }""", Ct);
            await using var api = ApiFactory.With(new Dictionary<string, string?>
            {
                ["Alarms:RulesFile"] = rules,
                ["Alarms:CheckInterval"] = "00:00:00.200",
                ["Work:SweepInterval"] = "00:00:01",
                ["Work:SweepGrace"] = "00:00:01",
                ["Work:CompletionInterval"] = "00:00:00.200",
            });
            LeakNetwork network = await LeakNetwork.SeedAsync(api);
            (string key, string id) = await IssueAsync(api, "县A水利", ["alarms.read", "completeness.read"], LeakNetwork.CountyA);

            JsonElement alarms = await ReadAsync(api, "/api/v1/alarms?limit=100", key);
            string[] stations = [.. alarms.EnumerateArray().Select(a => a.GetProperty("subject").GetString()!)];
            Assert.Contains(LeakNetwork.AirA.Mn, stations);
            Assert.Contains(LeakNetwork.JiaA.Mn, stations);
            Assert.DoesNotContain(LeakNetwork.AirB.Mn, stations);
            Assert.DoesNotContain(LeakNetwork.JiaB.Mn, stations);
            using (HttpResponseMessage own = await api.GetAsync($"/api/v1/alarms/{network.AlarmOf[LeakNetwork.AirA.Mn]}", key))
            {
                Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            }

            await ProblemAssert.IsAsync(await api.GetAsync($"/api/v1/alarms/{network.AlarmOf[LeakNetwork.AirB.Mn]}", key), HttpStatusCode.NotFound, "unknown-alarm");
            using (HttpResponseMessage own = await api.GetAsync($"/api/v1/stations/{LeakNetwork.AirA.Mn}/completeness", key))
            {
                Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            }

            await ProblemAssert.IsAsync(await api.GetAsync($"/api/v1/stations/{LeakNetwork.AirB.Mn}/completeness", key), HttpStatusCode.NotFound, "unknown-station");
            // Held by the department client role, but not by this key: 403 like any permission it lacks.
            await ProblemAssert.IsAsync(await api.GetAsync($"/api/v1/stations/{LeakNetwork.AirA.Mn}/quality", key), HttpStatusCode.Forbidden, "forbidden");
            await ProblemAssert.IsAsync(await api.GetAsync($"/api/v1/stations/{LeakNetwork.JiaA.Mn}/permit-limits", key), HttpStatusCode.Forbidden, "forbidden");
            await ProblemAssert.IsAsync(await api.GetAsync("/api/v1/clients", key), HttpStatusCode.Forbidden, "forbidden");
            await ProblemAssert.IsAsync(await api.GetAsync("/api/v1/accounts", key), HttpStatusCode.Forbidden, "forbidden");
            await ProblemAssert.IsAsync(await api.GetAsync("/api/v1/audit", key), HttpStatusCode.Forbidden, "forbidden");
            await ProblemAssert.IsAsync(await api.GetAsync($"/api/v1/console/stations/{LeakNetwork.AirA.Mn}/frames", key), HttpStatusCode.Forbidden, "forbidden");
            // Never a console session: the signed-in endpoints do not know a key.
            await ProblemAssert.IsAsync(await api.GetAsync("/api/v1/console/me", key), HttpStatusCode.Unauthorized, "unauthorized");
            await ProblemAssert.IsAsync(await api.SendJsonAsync(HttpMethod.Post, "/api/v1/console/me/password", """{"currentPassword":"x","newPassword":"y"}""", key),
                HttpStatusCode.Unauthorized, "unauthorized");
            // Its 403s are security events under its name, like a person's.
            await api.WaitForJsonAsync("/api/v1/audit?action=security.permission-denied&limit=50",
                entries => entries.EnumerateArray().Any(e => e.GetProperty("subjectId").GetString() == "client:" + id), seconds: 20, key: ApiFactory.AdminKey);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task UnknownTamperedRevokedAndExpiredKeys_GetOneAndTheSame401_AndTheEmergencyKeyStillWorks()
    {
        await using var api = ApiFactory.With(new Dictionary<string, string?> { ["Security:ApiKeyBackoff:FreeFailures"] = "100" });
        (string good, _) = await IssueAsync(api, "省气象局", ["alarms.read"], "510000");
        (string revokedKey, string revokedId) = await IssueAsync(api, "已停用接口", ["alarms.read"], "510000");
        using (HttpResponseMessage revoke = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/clients/{revokedId}/revoke", "{}"))
        {
            Assert.Equal("revoked", (await ApiFactory.ReadJsonAsync(revoke)).GetProperty("state").GetString());
        }

        string expiredKey = await StoreExpiredAsync(api);
        char last = good[^1];
        string tampered = good[..^1] + (last == 'A' ? 'B' : 'A');
        string unknown = ApiClientKeys.Format("zzzzzzzzzzzz", good[(ApiClientKeys.Prefix.Length + ApiClientKeys.IdLength + 1)..]);

        using (HttpResponseMessage ok = await api.GetAsync("/api/v1/alarms?limit=1", good))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        string? first = null;
        foreach (string refused in new[] { unknown, tampered, revokedKey, expiredKey, "ecm_short" })
        {
            using HttpResponseMessage response = await api.GetAsync("/api/v1/alarms?limit=1", refused);
            JsonElement problem = await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
            string shape = problem.GetProperty("detail").GetString() + "|" + response.Headers.WwwAuthenticate;
            first ??= shape;
            Assert.Equal(first, shape);
        }

        using (HttpResponseMessage emergency = await api.GetAsync("/api/v1/clients", ApiFactory.AdminKey))
        {
            JsonElement clients = await ApiFactory.ReadJsonAsync(emergency);
            Assert.Equal(HttpStatusCode.OK, emergency.StatusCode);
            Assert.DoesNotContain("secretHash", clients.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(good[^20..], clients.GetRawText(), StringComparison.Ordinal);
        }

        JsonElement issued = await api.WaitForJsonAsync("/api/v1/audit?action=client.&limit=10", e => e.GetArrayLength() >= 3, key: ApiFactory.AdminKey);
        Assert.All(issued.EnumerateArray(), e => Assert.DoesNotContain(ApiClientKeys.Hash(good[(ApiClientKeys.Prefix.Length + ApiClientKeys.IdLength + 1)..]), e.GetRawText(), StringComparison.Ordinal));
        Assert.True(issued.EnumerateArray().Any(e => e.GetProperty("action").GetString() == "client.revoked" && e.GetProperty("subjectId").GetString() == revokedId),
            issued.GetRawText());
    }

    [Fact]
    public async Task IssuingAPermissionNoClientMayHold_OrNoJurisdiction_IsRefused()
    {
        await using var api = new ApiFactory();

        JsonElement refused = await ProblemAssert.IsAsync(await api.SendJsonAsync(HttpMethod.Post, "/api/v1/clients",
            """{"name":"越权","owner":"某厅","permissions":["alarms.read","audit.read"],"jurisdiction":"510000","validDays":30}"""), HttpStatusCode.BadRequest, "invalid-body");
        Assert.Contains("audit.read", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsAsync(await api.SendJsonAsync(HttpMethod.Post, "/api/v1/clients",
            """{"name":"无辖区","owner":"某厅","permissions":["alarms.read"],"validDays":30}"""), HttpStatusCode.BadRequest, "invalid-body");
        await ProblemAssert.IsAsync(await api.SendJsonAsync(HttpMethod.Post, "/api/v1/clients",
            """{"name":"太久","owner":"某厅","permissions":["alarms.read"],"jurisdiction":"510000","validDays":1000}"""), HttpStatusCode.BadRequest, "invalid-body");
        await IssueAsync(api, "重名", ["alarms.read"], "510000");
        await ProblemAssert.IsAsync(await api.SendJsonAsync(HttpMethod.Post, "/api/v1/clients",
            """{"name":"重名","owner":"某厅","permissions":["alarms.read"],"jurisdiction":"510000","validDays":30}"""), HttpStatusCode.Conflict, "client-conflict");
        await ProblemAssert.IsAsync(await api.SendJsonAsync(HttpMethod.Post, "/api/v1/clients/zzzzzzzzzzzz/revoke", "{}"), HttpStatusCode.NotFound, "unknown-client");
    }

    /// <summary>Issues a client with the emergency key; returns its key and id.</summary>
    internal static async Task<(string Key, string Id)> IssueAsync(ApiFactory api, string name, string[] permissions, string jurisdiction, string extra = "")
    {
        using HttpResponseMessage response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/clients", JsonSerializer.Serialize(new
        {
            name, owner = "测试部门", permissions, jurisdiction, validDays = 30,
        })[..^1] + extra + "}");
        JsonElement body = await ApiFactory.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.GetRawText());
        return (body.GetProperty("key").GetString()!, body.GetProperty("client").GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> ReadAsync(ApiFactory api, string path, string key)
    {
        using HttpResponseMessage response = await api.GetAsync(path, key);
        JsonElement body = await ApiFactory.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body.GetRawText()}");
        return body;
    }

    // A key whose client expired a minute ago: issued straight into the store (the API issues none in the past).
    private static async Task<string> StoreExpiredAsync(ApiFactory api)
    {
        string id = ApiClientKeys.NewId();
        string secret = ApiClientKeys.NewSecret();
        Instant now = SystemClock.Instance.GetCurrentInstant();
        await api.Services.GetRequiredService<IApiClientStore>().CreateAsync(new ApiClient
        {
            Id = id, Name = "已过期接口", Owner = "测试部门", Permissions = PermissionSet.Of(Permission.AlarmsRead), Jurisdiction = RegionCode.Parse("510000"),
            SecretHash = ApiClientKeys.Hash(secret), RequestsPerSecond = 10, Burst = 10, CreatedAt = now - Duration.FromDays(31), CreatedBy = "test",
            ExpiresAt = now - Duration.FromMinutes(1),
        }, Ct);
        return ApiClientKeys.Format(id, secret);
    }
}
