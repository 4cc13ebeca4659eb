using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Quality;

/// <summary>
/// Review (数据审核) over HTTP: the queue lists suspect values; a reviewer marks a span invalid (bulk) and an automatically
/// invalid value valid; the raw series is unchanged, the reviewed series and the daily AQI follow the decisions, and each
/// decision is in the audit trail.
/// </summary>
[Trait("Area", "Quality")]
public sealed class ReviewApiTests : IClassFixture<ApiFactory>
{
    private const string Range = "from=2026-03-03&to=2026-03-04";
    private readonly ApiFactory _api;

    public ReviewApiTests(ApiFactory api) => _api = api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decisions_OverrideTheChecks_KeepTheRawValues_AreAudited_AndRecomputeTheDay()
    {
        var csv = new StringBuilder("station,parameter,interval,period_start,value,flag\n");
        for (int h = 0; h < 24; h++)
        {
            (decimal value, string flag) = h switch
            {
                3 => (40m, "C"),              // calibration: automatically invalid; the reviewer confirms it valid
                >= 10 and < 14 => (300m, "N"), // a fire nearby: the reviewer marks 10:00-14:00 invalid (external event)
                _ => (40m, "N"),
            };
            csv.Append(CultureInfo.InvariantCulture, $"1119A,a34004,hour,2026-03-03T{h:D2}:00:00+08:00,{value},{flag}\n");
        }

        using (HttpResponseMessage imported = await _api.ImportAsync(csv.ToString(), "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        JsonElement queue = await WaitForAsync($"/api/v1/review/queue?station=1119A&{Range}", q => q.GetArrayLength() >= 1);
        Assert.Contains(queue.EnumerateArray(), f => f.GetProperty("rule").GetString() == "flag.invalid");

        string decisions = """
            [
              {"station":"1119A","parameter":"a34004","from":"2026-03-03T10:00:00+08:00","to":"2026-03-03T14:00:00+08:00","verdict":"invalid","reason":"external-event","comment":"straw burning next to the station"},
              {"station":"1119A","parameter":"a34004","from":"2026-03-03T03:00:00+08:00","to":"2026-03-03T04:00:00+08:00","verdict":"valid","reason":"confirmed","comment":"calibration flag sent by mistake"}
            ]
            """;
        using (HttpResponseMessage decided = await PostAsync(decisions, ApiFactory.AdminKey))
        {
            Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
            JsonElement stored = await ApiFactory.ReadJsonAsync(decided);
            Assert.Equal("bootstrap-admin", stored[0].GetProperty("reviewer").GetString());
            Assert.True(stored[1].GetProperty("auditSequence").GetInt64() > stored[0].GetProperty("auditSequence").GetInt64());
        }

        // The day: 20 values of 40 (hour 3 now valid, 10-13 excluded) → 24-h mean 40.
        JsonElement day = await WaitForAsync($"/api/v1/stations/1119A/aqi?interval=day&{Range}",
            d => d.GetArrayLength() == 1 && d[0].GetProperty("pm25").ValueKind == JsonValueKind.Number && d[0].GetProperty("pm25").GetDecimal() == 40m);
        Assert.Equal(40m, day[0].GetProperty("pm25").GetDecimal());

        JsonElement raw = await _api.ObservationsAsync("1119A", $"parameters=a34004&{Range}");
        Assert.Equal(300m, raw.EnumerateArray().Single(o => o.GetProperty("periodStart").GetString() == "2026-03-03T11:00:00+08:00").GetProperty("value").GetDecimal());

        JsonElement reviewed = await _api.StaffJsonAsync($"/api/v1/stations/1119A/reviewed?parameters=a34004&{Range}");
        JsonElement eleven = reviewed.EnumerateArray().Single(v => v.GetProperty("periodStart").GetString() == "2026-03-03T11:00:00+08:00");
        JsonElement three = reviewed.EnumerateArray().Single(v => v.GetProperty("periodStart").GetString() == "2026-03-03T03:00:00+08:00");
        Assert.False(eleven.GetProperty("valid").GetBoolean());
        Assert.Equal("review", eleven.GetProperty("decidedBy").GetString());
        Assert.Contains("straw burning", eleven.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(three.GetProperty("valid").GetBoolean());

        using HttpResponseMessage auditResponse = await _api.GetAsync("/api/v1/audit?subjectType=observations", ApiFactory.AdminKey);
        JsonElement audit = await ApiFactory.ReadJsonAsync(auditResponse);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "review.marked"
            && e.GetProperty("reason").GetString()!.StartsWith("external-event: straw burning", StringComparison.Ordinal));
        JsonElement remaining = await _api.StaffJsonAsync($"/api/v1/review/queue?station=1119A&{Range}");
        Assert.DoesNotContain(remaining.EnumerateArray(), f => f.GetProperty("periodStart").GetString() == "2026-03-03T03:00:00+08:00");
    }

    [Fact]
    public async Task Decision_WithoutKey_OrWithUnknownReason_IsRefused()
    {
        string body = """{"station":"1119A","from":"2026-03-03","to":"2026-03-04","verdict":"invalid","reason":"boredom"}""";
        using HttpResponseMessage anonymous = await PostAsync(body, null);
        using HttpResponseMessage unknown = await PostAsync(body, ApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("reason 'boredom' is not one of", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/review/decisions", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await _api.Client.SendAsync(request, Ct);
    }

    private Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> isDone) => _api.WaitForJsonAsync(path, isDone, key: _api.StaffKey);
}
