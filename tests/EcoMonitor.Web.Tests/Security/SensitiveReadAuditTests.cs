using System.Net;
using System.Text.Json;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>Reads of raw frames and falsification evidence enter the audit trail with the reader and the address; refused reads do not.</summary>
[Trait("Area", "Security")]
public sealed class SensitiveReadAuditTests
{
    [Fact]
    public async Task ReadingFramesAndFalsificationEvidence_IsAudited_WithTheReaderAndTheQuery_ARefusedReadIsNot()
    {
        await using var api = new ApiFactory();
        Uri server = api.Client.BaseAddress!;
        await TestPeople.CreateAsync(api.Services, "ops.person", [Role.NetworkOperator]);
        string cookie = await TestPeople.SignInAsync(server, "ops.person");

        Assert.Equal(HttpStatusCode.OK, await ConsoleCookie.SendAsync(server, HttpMethod.Get, "/api/v1/console/stations/1431A/frames?limit=5", cookie));
        Assert.Equal(HttpStatusCode.Forbidden, await ConsoleCookie.SendAsync(server, HttpMethod.Get, "/api/v1/stations/1431A/falsification", cookie));
        using HttpResponseMessage list = await api.GetAsync("/api/v1/falsification?minScore=0", ApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        JsonElement station = await api.WaitForJsonAsync("/api/v1/audit?subjectType=station&subjectId=1431A", a => a.GetArrayLength() > 0, key: ApiFactory.AdminKey);
        JsonElement frames = Assert.Single(station.EnumerateArray(), e => e.GetProperty("action").GetString() == "frames.read");
        Assert.Equal(("ops.person", "127.0.0.1"), (frames.GetProperty("actor").GetString(), frames.GetProperty("address").GetString()));
        Assert.Contains("limit=5", frames.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(station.EnumerateArray(), e => e.GetProperty("action").GetString() == "falsification.read");
        JsonElement all = await api.WaitForJsonAsync("/api/v1/audit?subjectType=station&subjectId=*", a => a.GetArrayLength() > 0, key: ApiFactory.AdminKey);
        Assert.Equal(("falsification.read", "bootstrap-admin"), (all[0].GetProperty("action").GetString(), all[0].GetProperty("actor").GetString()));
    }
}
