using System.Net;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Quality;

/// <summary>Registry changes through the API and the seeding at start-up land in the audit trail; the trail verifies.</summary>
[Trait("Area", "Quality")]
public sealed class AuditApiTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public AuditApiTests(ApiFactory api) => _api = api;

    [Fact]
    public async Task RegisterThenChangeStation_RecordsBothWithBeforeAfterAndActor_NeverThePassword()
    {
        using (HttpResponseMessage created = await _api.RegisterStationAsync(StationApiTests.StationJson("AUDIT0001")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        string renamed = StationApiTests.StationJson("AUDIT0001").Replace("污水排口", "污水总排口", StringComparison.Ordinal);
        using (HttpResponseMessage changed = await _api.RegisterStationAsync(renamed))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        using (HttpResponseMessage again = await _api.RegisterStationAsync(renamed))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        JsonElement entries = await GetAsync("/api/v1/audit?subjectType=station&subjectId=AUDIT0001");
        Assert.Equal(2, entries.GetArrayLength());
        JsonElement change = entries[0];
        JsonElement registration = entries[1];
        Assert.Equal("station.changed", change.GetProperty("action").GetString());
        Assert.Equal("bootstrap-admin", change.GetProperty("actor").GetString());
        Assert.Equal("污水排口", change.GetProperty("before").GetProperty("name").GetString());
        Assert.Equal("污水总排口", change.GetProperty("after").GetProperty("name").GetString());
        Assert.False(change.GetProperty("after").GetProperty("passwordChanged").GetBoolean());
        Assert.Equal("station.registered", registration.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, registration.GetProperty("before").ValueKind);
        Assert.Equal(registration.GetProperty("hash").GetString(), change.GetProperty("previousHash").GetString());
        Assert.DoesNotContain("pw-AUDIT0001", entries.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedingAtStartUp_IsRecorded_AndTheChainVerifies()
    {
        JsonElement seeded = await GetAsync("/api/v1/audit?subjectType=station&subjectId=1431A");
        JsonElement entry = Assert.Single(seeded.EnumerateArray());
        Assert.Equal("system:registry-seed", entry.GetProperty("actor").GetString());

        JsonElement verification = await GetAsync("/api/v1/audit/verify");

        Assert.True(verification.GetProperty("intact").GetBoolean());
        Assert.True(verification.GetProperty("entriesChecked").GetInt64() >= 219);
        string head = verification.GetProperty("head").GetString()!;
        JsonElement anchored = await GetAsync("/api/v1/audit/verify?anchor=" + head);
        Assert.True(anchored.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Audit_WithoutKey_IsRefused_BadAnchor_IsExplained()
    {
        using HttpResponseMessage anonymous = await _api.GetAsync("/api/v1/audit");
        using HttpResponseMessage badAnchor = await _api.GetAsync("/api/v1/audit/verify?anchor=12:abc", ApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAnchor.StatusCode);
        Assert.Contains("SEQUENCE:HASH", await badAnchor.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_FiltersByActorActionPrefixAndTime_RefusesBadValues()
    {
        JsonElement seeded = await GetAsync("/api/v1/audit?actor=system:registry-seed&action=station.&from=2000-01-01&limit=3");
        JsonElement exact = await GetAsync("/api/v1/audit?action=station.registered&limit=1000");
        JsonElement none = await GetAsync("/api/v1/audit?actor=system:registry-seed&to=2000-01-02");
        JsonElement otherActor = await GetAsync("/api/v1/audit?actor=system:REGISTRY-SEED");

        Assert.Equal(3, seeded.GetArrayLength());
        Assert.All(seeded.EnumerateArray(), e =>
        {
            Assert.Equal("system:registry-seed", e.GetProperty("actor").GetString());
            Assert.StartsWith("station.", e.GetProperty("action").GetString(), StringComparison.Ordinal);
        });
        long[] sequences = [.. seeded.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64())];
        Assert.Equal(sequences.OrderDescending(), sequences);
        JsonElement older = await GetAsync($"/api/v1/audit?actor=system:registry-seed&action=station.&limit=3&before={sequences[^1]}");
        Assert.All(older.EnumerateArray(), e => Assert.True(e.GetProperty("sequence").GetInt64() < sequences[^1]));
        Assert.True(exact.GetArrayLength() > 3);
        Assert.All(exact.EnumerateArray(), e => Assert.Equal("station.registered", e.GetProperty("action").GetString()));
        Assert.Equal(0, none.GetArrayLength());
        Assert.Equal(0, otherActor.GetArrayLength());

        foreach (string bad in new[] { "from=yesterday", "to=2019-12-31T08:00:00", "from=2020-01-02&to=2020-01-01", "actor=%01", "action=" + new string('a', 201), "limit=1001" })
        {
            using HttpResponseMessage refused = await _api.GetAsync("/api/v1/audit?" + bad, ApiFactory.AdminKey);
            await ProblemAssert.IsAsync(refused, HttpStatusCode.BadRequest, "invalid-parameter");
        }
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using HttpResponseMessage response = await _api.GetAsync(path, ApiFactory.AdminKey);
        response.EnsureSuccessStatusCode();
        return await ApiFactory.ReadJsonAsync(response);
    }
}
