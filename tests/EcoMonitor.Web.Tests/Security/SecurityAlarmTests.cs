using System.Net.Http.Json;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>A burst of credential failures raises a security alarm through the alarm workflow (real host, real sockets).</summary>
[Trait("Area", "Security")]
public sealed class SecurityAlarmTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInBurst_RaisesSecurityAlarms_OfTheUserAndOfTheAddress_WithEvidence_AndIsAudited()
    {
        await using var api = ApiFactory.With(new Dictionary<string, string?>
        {
            ["SecurityEvents:BurstThreshold"] = "6",
            ["Alarms:RulesFile"] = RepoFiles.Path("config/alarm-rules.json"),
        });
        using HttpClient attacker = LoopbackClient.From("127.0.1.90", api.Client.BaseAddress!);

        for (int i = 0; i < 8; i++)
        {
            using HttpResponseMessage _ = await attacker.PostAsJsonAsync("/api/v1/console/login", new { user = "admin", password = "guess" + i }, Ct);
        }

        JsonElement alarms = await api.WaitForJsonAsync("/api/v1/alarms?rule=security-credential-burst", a => a.GetArrayLength() >= 2, key: ApiFactory.AdminKey);
        string[] subjects = [.. alarms.EnumerateArray().Select(a => a.GetProperty("subject").GetString()!).Order(StringComparer.Ordinal)];
        Assert.Equal(["address:127.0.1.90", "user:admin"], subjects);
        JsonElement user = alarms.EnumerateArray().Single(a => a.GetProperty("subject").GetString() == "user:admin");
        Assert.Equal(("security", "serious", "open"), (user.GetProperty("kind").GetString(), user.GetProperty("severity").GetString(), user.GetProperty("state").GetString()));

        JsonElement detail = await api.StaffJsonAsync($"/api/v1/alarms/{user.GetProperty("id").GetInt64()}");
        string evidence = detail.GetProperty("evidence").GetRawText();
        Assert.Contains("\"failures\":6", evidence, StringComparison.Ordinal);
        Assert.Contains("127.0.1.90", evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("guess", evidence, StringComparison.Ordinal);

        JsonElement audit = await api.WaitForJsonAsync("/api/v1/audit?subjectType=address&subjectId=127.0.1.90",
            a => a.GetArrayLength() > 0, key: ApiFactory.AdminKey);
        Assert.Equal("security.burst", audit[0].GetProperty("action").GetString());
    }
}
