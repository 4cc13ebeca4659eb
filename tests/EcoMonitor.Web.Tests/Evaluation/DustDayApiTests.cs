using System.Net;
using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Web.Tests.Security;

namespace EcoMonitor.Web.Tests.Evaluation;

/// <summary>
/// The dust-day register over HTTP against the real host: a manager of one city marks and unmarks that city's days,
/// is refused another city's exactly as an unknown city, every change is in the audit trail under their name, and
/// the marks are published.
/// </summary>
[Trait("Area", "Reports")]
public sealed class DustDayApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACityManager_MarksOwnCityOnly_OtherCityLikeAnUnknownOne_ChangesAudited_MarksPublished()
    {
        await using var api = new ApiFactory();
        Uri server = api.Client.BaseAddress!;
        await TestPeople.CreateAsync(api.Services, "manager.cd", [Role.Manager], "510100");
        string cookie = await TestPeople.SignInAsync(server, "manager.cd");

        using HttpResponseMessage own = await PutAsync(server, "510100/2019-12-20", cookie, """{"note":"沙尘过境（国家沙尘监测网）"}""");
        using HttpResponseMessage other = await PutAsync(server, "220100/2019-12-20", cookie, """{"note":"沙尘"}""");
        using HttpResponseMessage unknown = await PutAsync(server, "990100/2019-12-20", cookie, """{"note":"沙尘"}""");
        using HttpResponseMessage future = await PutAsync(server, "510100/2099-01-01", cookie, """{"note":"沙尘"}""");
        using HttpResponseMessage province = await PutAsync(server, "510000/2019-12-20", cookie, """{"note":"沙尘"}""");
        using HttpResponseMessage tooLong = await PutAsync(server, "510100/2019-12-21", cookie, JsonSerializer.Serialize(new { note = new string('沙', 501) }));
        using HttpResponseMessage anonymous = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/dust-days/510100/2019-12-22", """{"note":""}""", key: null);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        JsonElement refused = await ProblemAssert.IsAsync(other, HttpStatusCode.NotFound, "unknown-region");
        JsonElement none = await ProblemAssert.IsAsync(unknown, HttpStatusCode.NotFound, "unknown-region");
        Assert.Equal(none.GetProperty("detail").GetString()!.Replace("990100", "220100", StringComparison.Ordinal), refused.GetProperty("detail").GetString());
        await ProblemAssert.IsAsync(future, HttpStatusCode.BadRequest, "invalid-parameter");
        await ProblemAssert.IsAsync(province, HttpStatusCode.BadRequest, "invalid-parameter");
        await ProblemAssert.IsAsync(tooLong, HttpStatusCode.BadRequest, "invalid-body");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        JsonElement published = await api.GetJsonAsync("/api/v1/dust-days?period=2019-12");
        JsonElement mark = Assert.Single(published.EnumerateArray());
        Assert.Equal(("510100", "2019-12-20", "沙尘过境（国家沙尘监测网）"),
            (mark.GetProperty("city").GetString(), mark.GetProperty("day").GetString(), mark.GetProperty("note").GetString()));
        Assert.Empty((await api.GetJsonAsync("/api/v1/dust-days?period=2019-12&within=220000")).EnumerateArray());
        // Statistics and rankings read the register; the variant is chosen per request.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/regions/510100/statistics?period=2019-12&dust=excluded")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/rankings/counties?period=2019-12&dust=excluded&by=improvement")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/rankings/cities?period=2019-12&dust=yes")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, await ConsoleCookie.SendAsync(server, HttpMethod.Delete, "/api/v1/dust-days/220100/2019-12-20", cookie));
        Assert.Equal(HttpStatusCode.NoContent, await ConsoleCookie.SendAsync(server, HttpMethod.Delete, "/api/v1/dust-days/510100/2019-12-20", cookie));
        Assert.Equal(HttpStatusCode.NotFound, await ConsoleCookie.SendAsync(server, HttpMethod.Delete, "/api/v1/dust-days/510100/2019-12-20", cookie));
        Assert.Empty((await api.GetJsonAsync("/api/v1/dust-days?period=2019-12")).EnumerateArray());

        JsonElement trail = await api.StaffJsonAsync("/api/v1/audit?action=dust-day.");
        Assert.Equal(
            [("dust-day.unmarked", "manager.cd", "510100/2019-12-20"), ("dust-day.marked", "manager.cd", "510100/2019-12-20")],
            trail.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString(), e.GetProperty("subjectId").GetString())));
    }

    private static Task<HttpResponseMessage> PutAsync(Uri server, string cityAndDay, string cookie, string json) =>
        ConsoleCookie.SendJsonAsync(server, HttpMethod.Put, "/api/v1/dust-days/" + cityAndDay, cookie, json);
}
