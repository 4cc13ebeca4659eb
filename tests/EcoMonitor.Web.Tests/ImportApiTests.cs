using System.Net;
using System.Text.Json;

namespace EcoMonitor.Web.Tests;

[Trait("Area", "Spine")]
public sealed class ImportApiTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public ImportApiTests(ApiFactory api) => _api = api;

    [Fact]
    public async Task ImportCsv_KeepsGoodRowsAndReportsBadOnes()
    {
        const string csv = """
            station,parameter,interval,period_start,value,flag
            1431A,a34004,hour,2020-01-05 08:00,52,N
            NOSUCHSTATION,a34004,hour,2020-01-05 08:00,52,N
            1431A,a34004,hour,2020-01-05 09:00,abc,N
            1431A,a21005,hour,2020-01-05T09:00:00+08:00,0.7,
            """;

        JsonElement report = await ImportAsync(csv, "text/csv");

        Assert.Equal(2, report.GetProperty("accepted").GetInt32());
        Assert.Equal(2, report.GetProperty("errorCount").GetInt32());
        int[] lines = report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).ToArray();
        Assert.Equal([3, 4], lines);
        JsonElement rows = await _api.ObservationsAsync("1431A", "from=2020-01-05T00:00:00%2B08:00&to=2020-01-06&parameters=a34004,a21005");
        Assert.Equal(2, rows.GetArrayLength());
        JsonElement pm = rows.EnumerateArray().Single(r => r.GetProperty("parameter").GetString() == "a34004");
        Assert.Equal("2020-01-05T08:00:00+08:00", pm.GetProperty("periodStart").GetString());
        Assert.Equal(52m, pm.GetProperty("value").GetDecimal());
        Assert.Equal("api", pm.GetProperty("source").GetString());
    }

    [Fact]
    public async Task ImportJson_Twice_IsIdempotent_AndAChangeIsARevision()
    {
        const string first = """[{"station":"1431A","parameter":"a21026","interval":"hour","period_start":"2020-02-01 10:00","value":"8.10"}]""";
        const string changed = """[{"station":"1431A","parameter":"a21026","interval":"hour","period_start":"2020-02-01 10:00","value":9}]""";

        JsonElement inserted = await ImportAsync(first, "application/json");
        JsonElement unchanged = await ImportAsync(first, "application/json");
        JsonElement revised = await ImportAsync(changed, "application/json");

        Assert.Equal(1, inserted.GetProperty("inserted").GetInt32());
        Assert.Equal(1, unchanged.GetProperty("unchanged").GetInt32());
        Assert.Equal(1, revised.GetProperty("revised").GetInt32());
        JsonElement rows = await _api.ObservationsAsync("1431A", "from=2020-02-01&to=2020-02-02&parameters=a21026");
        Assert.Equal(9m, Assert.Single(rows.EnumerateArray()).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task ImportThatRevisesAPublishedValue_IsAudited_WithWhoFromWhereAndTheValueBeforeAndAfter()
    {
        await ImportAsync("station,parameter,interval,period_start,value\n1432A,a34004,hour,2020-04-01 08:00,52\n", "text/csv");

        JsonElement report = await ImportAsync("""
            station,parameter,interval,period_start,value,flag
            1432A,a34004,hour,2020-04-01 08:00,999,N
            1432A,a34004,hour,2020-04-01 09:00,60,N
            NOSUCHSTATION,a34004,hour,2020-04-01 09:00,60,N
            """, "text/csv");

        Assert.Equal((1, 1, 1), (report.GetProperty("revised").GetInt32(), report.GetProperty("inserted").GetInt32(), report.GetProperty("errorCount").GetInt32()));
        JsonElement entries = await _api.WaitForJsonAsync("/api/v1/audit?subjectType=import&limit=50", _ => true, key: ApiFactory.AdminKey);
        JsonElement entry = entries.EnumerateArray().First(e => e.GetProperty("action").GetString() == "observations.imported"
            && e.GetProperty("after").GetProperty("revised").GetInt32() == 1
            && e.GetProperty("after").GetProperty("revisions")[0].GetProperty("station").GetString() == "1432A");
        Assert.Equal("127.0.0.1", entry.GetProperty("address").GetString());
        Assert.False(entry.GetProperty("actor").GetString()!.StartsWith("system:", StringComparison.Ordinal));
        Assert.Equal("POST /api/v1/observations/import (text/csv)", entry.GetProperty("subjectId").GetString());
        JsonElement after = entry.GetProperty("after");
        Assert.Equal((1, 1, 1, true), (after.GetProperty("inserted").GetInt32(), after.GetProperty("refused").GetInt32(), after.GetProperty("revisions").GetArrayLength(), after.GetProperty("complete").GetBoolean()));
        JsonElement revision = after.GetProperty("revisions")[0];
        Assert.Equal(("a34004", "2020-04-01T08:00:00+08:00", 2), (revision.GetProperty("parameter").GetString(), revision.GetProperty("periodStart").GetString(), revision.GetProperty("revision").GetInt32()));
        Assert.Equal((52m, 999m), (revision.GetProperty("valueBefore").GetDecimal(), revision.GetProperty("value").GetDecimal()));
    }

    [Fact]
    public async Task ImportEndLabelled_StoresThePeriodStart()
    {
        const string csv = "station,parameter,interval,period_start,value\n1431A,a34002,hour,2020-03-01 00:00,77\n";

        JsonElement report = await ImportAsync(csv, "text/csv", "?periodLabel=periodEnd");

        Assert.Equal(1, report.GetProperty("accepted").GetInt32());
        JsonElement rows = await _api.ObservationsAsync("1431A", "from=2020-02-29&to=2020-03-02&parameters=a34002");
        Assert.Equal("2020-02-29T23:00:00+08:00", Assert.Single(rows.EnumerateArray()).GetProperty("periodStart").GetString());
    }

    [Fact]
    public async Task Import_WithoutKey_IsRefused()
    {
        using HttpResponseMessage response = await _api.ImportAsync("station,parameter,interval,period_start,value\n", "text/csv", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("interval=weekly")]
    [InlineData("from=2020-01-05T08:00:00")]
    [InlineData("parameters=a3400%3B4")]
    [InlineData("from=2020-01-06&to=2020-01-05")]
    [InlineData("limit=0")]
    public async Task Observations_BadQuery_Returns400WithReason(string query)
    {
        using HttpResponseMessage response = await _api.GetAsync($"/api/v1/stations/1431A/observations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement problem = await ApiFactory.ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    private async Task<JsonElement> ImportAsync(string body, string mediaType, string query = "")
    {
        using HttpResponseMessage response = await _api.ImportAsync(body, mediaType, query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiFactory.ReadJsonAsync(response);
    }
}
