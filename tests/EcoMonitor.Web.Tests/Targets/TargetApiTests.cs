using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Web.Tests.Security;

namespace EcoMonitor.Web.Tests.Targets;

/// <summary>
/// Assessment targets over HTTP against the real host: a city manager sets their city's and county's targets and is
/// refused the province and another city exactly as an unknown region, a reviewer is forbidden, bad fields are named,
/// every change is audited, targets and progress are published, and the progress to date equals the statistics the
/// API serves for the same days.
/// </summary>
[Trait("Area", "Reports")]
public sealed class TargetApiTests
{
    [Fact]
    public async Task ACityManager_SetsOwnRegionsOnly_FieldsValidated_ChangesAudited_ProgressEqualsTheStatistics()
    {
        await using var api = new ApiFactory();
        Uri server = api.Client.BaseAddress!;
        await TestPeople.CreateAsync(api.Services, "manager.cd", [Role.Manager], "510100");
        await TestPeople.CreateAsync(api.Services, "reviewer.cd", [Role.DataReviewer], "510100");
        string manager = await TestPeople.SignInAsync(server, "manager.cd");
        string reviewer = await TestPeople.SignInAsync(server, "reviewer.cd");
        await ImportDayAsync(api);

        using HttpResponseMessage city = await PutAsync(server, "510100/2019", manager, """{"pm25":40,"goodDayRatio":85.5,"heavyPollutionDays":2}""");
        using HttpResponseMessage county = await PutAsync(server, "510104/2019", manager, """{"pm25":38}""");
        using HttpResponseMessage province = await PutAsync(server, "510000/2019", manager, """{"pm25":35}""");
        using HttpResponseMessage other = await PutAsync(server, "220100/2019", manager, """{"pm25":35}""");
        using HttpResponseMessage unknown = await PutAsync(server, "990100/2019", manager, """{"pm25":35}""");
        using HttpResponseMessage forbidden = await PutAsync(server, "510100/2019", reviewer, """{"pm25":35}""");
        using HttpResponseMessage anonymous = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/targets/510100/2019", """{"pm25":35}""", key: null);
        using HttpResponseMessage bad = await PutAsync(server, "510100/2020", manager,
            """{"pm25":0,"goodDayRatio":100.5,"heavyPollutionDays":-1,"goodWaterShare":101,"sections":{"SW5101":3}}""");
        using HttpResponseMessage badYear = await PutAsync(server, "510100/1999", manager, """{"pm25":35}""");

        Assert.Equal(HttpStatusCode.OK, city.StatusCode);
        Assert.Equal(HttpStatusCode.OK, county.StatusCode);
        JsonElement none = await ProblemAssert.IsAsync(unknown, HttpStatusCode.NotFound, "unknown-region");
        JsonElement refused = await ProblemAssert.IsAsync(other, HttpStatusCode.NotFound, "unknown-region");
        Assert.Equal(none.GetProperty("detail").GetString()!.Replace("990100", "220100", StringComparison.Ordinal), refused.GetProperty("detail").GetString());
        await ProblemAssert.IsAsync(province, HttpStatusCode.NotFound, "unknown-region");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        JsonElement errors = (await ProblemAssert.IsAsync(bad, HttpStatusCode.BadRequest, "invalid-body")).GetProperty("errors");
        // SW5101 is a section of the province (510000), not of the city.
        Assert.Equal(["$.goodDayRatio", "$.goodWaterShare", "$.heavyPollutionDays", "$.pm25", "$.sections.SW5101"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await ProblemAssert.IsAsync(badYear, HttpStatusCode.BadRequest, "invalid-parameter");

        JsonElement published = await api.GetJsonAsync("/api/v1/targets?year=2019&region=510100");
        Assert.Equal([("510100", 40m), ("510104", 38m)], published.EnumerateArray().Select(t => (t.GetProperty("region").GetString(), t.GetProperty("pm25").GetDecimal())));
        Assert.Empty((await api.GetJsonAsync("/api/v1/targets?year=2019&region=220000")).EnumerateArray());

        JsonElement statistics = await api.WaitForJsonAsync("/api/v1/regions/510100/statistics?period=2019", s => s.GetProperty("validDays").GetInt32() == 1);
        JsonElement progress = await api.GetJsonAsync("/api/v1/regions/510100/targets/2019/progress");
        Assert.Equal(("2019-12-31", JsonValueKind.Null), (progress.GetProperty("toDateLastDay").GetString(), progress.GetProperty("restFrom").ValueKind));
        var measures = progress.GetProperty("measures").EnumerateArray().ToDictionary(m => m.GetProperty("measure").GetString()!);
        decimal pm25 = statistics.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("pollutant").GetString() == "PM2.5").GetProperty("mean").GetDecimal();
        Assert.Equal(pm25, measures["pm25"].GetProperty("toDate").GetDecimal());
        Assert.Equal(pm25, measures["pm25"].GetProperty("projection").GetDecimal());
        Assert.Equal(pm25 <= 40m, measures["pm25"].GetProperty("onTrack").GetBoolean());
        Assert.Equal(statistics.GetProperty("goodDayShare").GetDecimal(), measures["goodDayRatio"].GetProperty("toDate").GetDecimal());
        Assert.Equal(statistics.GetProperty("daysByLevel")[4].GetInt32() + statistics.GetProperty("daysByLevel")[5].GetInt32(),
            measures["heavyPollutionDays"].GetProperty("toDate").GetDecimal());
        await ProblemAssert.IsAsync(await api.GetAsync("/api/v1/regions/510100/targets/2018/progress"), HttpStatusCode.NotFound, "unknown-region");

        Assert.Equal(HttpStatusCode.NotFound, await ConsoleCookie.SendAsync(server, HttpMethod.Delete, "/api/v1/targets/220100/2019", manager));
        Assert.Equal(HttpStatusCode.NoContent, await ConsoleCookie.SendAsync(server, HttpMethod.Delete, "/api/v1/targets/510104/2019", manager));
        Assert.Equal(HttpStatusCode.NotFound, await ConsoleCookie.SendAsync(server, HttpMethod.Delete, "/api/v1/targets/510104/2019", manager));

        JsonElement trail = await api.StaffJsonAsync("/api/v1/audit?action=target.");
        Assert.Equal(
            [("target.removed", "manager.cd", "510104/2019"), ("target.set", "manager.cd", "510104/2019"), ("target.set", "manager.cd", "510100/2019")],
            trail.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString(), e.GetProperty("subjectId").GetString())));
        Assert.Equal(85.5m, trail[2].GetProperty("after").GetProperty("goodDayRatio").GetDecimal());
        Assert.Equal(38m, trail[0].GetProperty("before").GetProperty("pm25").GetDecimal());
    }

    [Fact]
    public async Task AProvinceTarget_ListsItsSections_WithTheYearClass_AndTheClassOfTheStoredDays()
    {
        await using var api = ApiFactory.With(new Dictionary<string, string?> { ["Samples:ObservationsFile"] = RepoFiles.Path("samples/history/water-2026-02-04.csv") });
        using HttpResponseMessage set = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/targets/510000/2026", """{"goodWaterShare":80,"sections":{"SW5101":1}}""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        JsonElement sections = await api.WaitForJsonAsync("/api/v1/water/sections?day=2026-02-04",
            s => s.EnumerateArray().All(x => x.GetProperty("latest").ValueKind == JsonValueKind.Object));
        JsonElement progress = await api.GetJsonAsync("/api/v1/regions/510000/targets/2026/progress");

        Assert.True(progress.GetProperty("hasAirFigures").GetBoolean());
        JsonElement sw5101 = progress.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("mn").GetString() == "SW5101");
        Assert.Equal((1, true), (sw5101.GetProperty("targetClass").GetInt32(), sw5101.GetProperty("yearTarget").GetBoolean()));
        JsonElement day = sections.EnumerateArray().Single(s => s.GetProperty("station").GetProperty("mn").GetString() == "SW5101");
        Assert.Equal(day.GetProperty("latest").GetProperty("class").GetInt32(), sw5101.GetProperty("classToDate").GetInt32());
    }

    /// <summary>24 hours of the six pollutants at the national station 1434A (成都 510104) on 2019-12-20.</summary>
    private static async Task ImportDayAsync(ApiFactory api)
    {
        var csv = new StringBuilder("station,parameter,interval,period_start,value,flag\n");
        for (int h = 0; h < 24; h++)
        {
            foreach ((string code, decimal value) in new[]
            {
                ("a34004", 30m + (3 * h)), ("a34002", 70m + h), ("a21026", 8 + (h % 3)), ("a21004", 30 + h), ("a21005", 0.8m + (0.1m * (h % 3))), ("a05024", 40 + (2 * h)),
            })
            {
                csv.Append(CultureInfo.InvariantCulture, $"1434A,{code},hour,2019-12-20T{h:D2}:00:00+08:00,{value},N\n");
            }
        }

        using HttpResponseMessage imported = await api.ImportAsync(csv.ToString(), "text/csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }

    private static Task<HttpResponseMessage> PutAsync(Uri server, string regionAndYear, string cookie, string json) =>
        ConsoleCookie.SendJsonAsync(server, HttpMethod.Put, "/api/v1/targets/" + regionAndYear, cookie, json);
}
