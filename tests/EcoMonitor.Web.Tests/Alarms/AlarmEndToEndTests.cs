using System.Globalization;
using System.Net;
using System.Text.Json;
using EcoMonitor.Application.Alarms;

namespace EcoMonitor.Web.Tests.Alarms;

/// <summary>
/// Alarms on the real host: outlets registered over HTTP with permit limits, hour frames sent by a fake data logger
/// over real TCP, alarms, workflow and notifications read back over HTTP.
/// </summary>
[Trait("Area", "Alarms")]
public sealed class AlarmEndToEndTests(AlarmHost host) : IClassFixture<AlarmHost>
{
    private const string PermitNumber = "91510104MA6C000001001P";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private ApiFactory Api => host.Api;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutletOverItsPermit_RaisesOneAlarmWithinSeconds_ClearsWhenValuesReturn_AndRecursOnTheSameAlarm()
    {
        await RegisterOutletAsync("OUTA1");

        await SendHourAsync("OUTA1", 8, "120");
        JsonElement alarm = await WaitForAlarmAsync("OUTA1", "so2-permit", a => true);

        Assert.Equal(120m, alarm.GetProperty("peak").GetDecimal());
        Assert.Equal(35m, alarm.GetProperty("limit").GetDecimal());
        Assert.Equal("2026-03-01T08:00:00+08:00", alarm.GetProperty("firstPeriod").GetString());
        Assert.True(alarm.GetProperty("isActive").GetBoolean());
        Assert.Equal("某电厂", alarm.GetProperty("enterprise").GetString());
        JsonElement detail = await Api.StaffJsonAsync($"/api/v1/alarms/{alarm.GetProperty("id").GetInt64()}");
        JsonElement evidence = detail.GetProperty("evidence");
        Assert.Equal(PermitNumber, evidence.GetProperty("permitNumber").GetString());
        Assert.Equal("so2-permit", evidence.GetProperty("rule").GetProperty("id").GetString());
        Assert.Equal(120m, evidence.GetProperty("values")[0].GetProperty("value").GetDecimal());
        Assert.Contains(evidence.GetProperty("frames").EnumerateArray(), f => f.GetProperty("text").GetString()!.Contains("MN=OUTA1", StringComparison.Ordinal));
        Assert.All(evidence.GetProperty("frames").EnumerateArray(), f => Assert.Contains("PW=******;", f.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain("PW=" + Frames.RegisteredPassword, detail.GetRawText(), StringComparison.Ordinal);
        // Within seconds of the frame's arrival, both as the server stamped them (whole seconds): the test's own
        // sending and polling, slow on a loaded CI machine, are not part of it.
        TimeSpan raisedAfter = Time(alarm, "raisedAt") - evidence.GetProperty("frames").EnumerateArray().Max(f => Time(f, "receivedAt"));
        Assert.True(raisedAfter < TimeSpan.FromSeconds(5), $"raised {raisedAfter} after the frame arrived");

        await SendHourAsync("OUTA1", 9, "20");
        alarm = await WaitForAlarmAsync("OUTA1", "so2-permit", a => !a.GetProperty("isActive").GetBoolean());
        Assert.NotNull(alarm.GetProperty("clearedAt").GetString());

        await SendHourAsync("OUTA1", 10, "90");
        alarm = await WaitForAlarmAsync("OUTA1", "so2-permit", a => a.GetProperty("isActive").GetBoolean());

        Assert.Equal(1, alarm.GetProperty("recurrences").GetInt32());
        Assert.Equal(120m, alarm.GetProperty("peak").GetDecimal());
        Assert.Equal(1, (await Api.StaffJsonAsync("/api/v1/alarms?station=OUTA1&rule=so2-permit")).GetArrayLength());
        JsonElement timeline = await Api.StaffJsonAsync($"/api/v1/alarms/{alarm.GetProperty("id").GetInt64()}/timeline");
        Assert.Equal(["raised", "cleared", "recurred"], timeline.EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        Assert.All(timeline.EnumerateArray(), s => Assert.Equal("system", s.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task LateFrameCompletingThreeHours_RaisesTheThreeHourAlarmThen()
    {
        await RegisterOutletAsync("OUTA2");
        await SendHourAsync("OUTA2", 8, "120");
        await SendHourAsync("OUTA2", 10, "130");
        await WaitForAlarmAsync("OUTA2", "so2-permit", a => a.GetProperty("lastPeriod").GetString() == "2026-03-01T10:00:00+08:00");
        Assert.Equal(0, (await Api.StaffJsonAsync("/api/v1/alarms?station=OUTA2&rule=so2-permit-3h")).GetArrayLength());

        await SendHourAsync("OUTA2", 9, "125");
        JsonElement alarm = await WaitForAlarmAsync("OUTA2", "so2-permit-3h", a => true);

        Assert.Equal("2026-03-01T08:00:00+08:00", alarm.GetProperty("firstPeriod").GetString());
        Assert.Equal("2026-03-01T10:00:00+08:00", alarm.GetProperty("lastPeriod").GetString());
        Assert.Equal(3, alarm.GetProperty("hits").GetInt32());
        Assert.Equal(130m, alarm.GetProperty("peak").GetDecimal());
        Assert.Equal("serious", alarm.GetProperty("severity").GetString());
        Assert.True(alarm.GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task Workflow_RefusesIllegalTransitionsWith409_AndRecordsWhoWhenWhatToClosing()
    {
        await RegisterOutletAsync("OUTA3");
        await SendHourAsync("OUTA3", 8, "99");
        long id = (await WaitForAlarmAsync("OUTA3", "so2-permit", a => true)).GetProperty("id").GetInt64();
        string deadline = DateTimeOffset.UtcNow.AddDays(3).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        using HttpResponseMessage early = await ActAsync(id, "feedback", """{"cause":"c","measures":"m"}""");
        string reason = (await ProblemAssert.IsAsync(early, HttpStatusCode.Conflict, "action-not-allowed")).GetProperty("detail").GetString()!;
        Assert.Contains("it is open", reason, StringComparison.Ordinal);

        using HttpResponseMessage anonymous = await Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/alarms/{id}/acknowledge", "{}", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        await ExpectAsync(HttpStatusCode.OK, id, "acknowledge", """{"by":"张三","comment":"已确认"}""");
        await ExpectAsync(HttpStatusCode.Conflict, id, "acknowledge", "{}");
        await ExpectAsync(HttpStatusCode.BadRequest, id, "dispatch", """{"by":"张三","unit":"成都市锦江生态环境局"}""");
        await ExpectAsync(HttpStatusCode.OK, id, "dispatch", $$"""{"by":"张三","unit":"成都市锦江生态环境局","deadline":"{{deadline}}"}""");
        await ExpectAsync(HttpStatusCode.Conflict, id, "verify", "{}");
        await ExpectAsync(HttpStatusCode.OK, id, "feedback", """{"by":"李四","cause":"脱硫系统循环泵故障","measures":"更换循环泵并恢复运行","attachments":["repair-report.pdf"]}""");
        await ExpectAsync(HttpStatusCode.OK, id, "verify", """{"by":"张三","comment":"现场核查属实"}""");
        await ExpectAsync(HttpStatusCode.Conflict, id, "dismiss", """{"comment":"x"}""");

        JsonElement detail = await Api.StaffJsonAsync($"/api/v1/alarms/{id}");
        Assert.Equal("closed", detail.GetProperty("alarm").GetProperty("state").GetString());
        Assert.Equal("成都市锦江生态环境局", detail.GetProperty("alarm").GetProperty("assignedUnit").GetString());
        JsonElement[] steps = [.. detail.GetProperty("timeline").EnumerateArray()];
        Assert.Equal(["raised", "acknowledged", "dispatched", "feedback", "verified"], steps.Select(s => s.GetProperty("action").GetString()));
        Assert.Equal("李四 (bootstrap-admin)", steps[3].GetProperty("actor").GetString());
        Assert.Equal("脱硫系统循环泵故障", steps[3].GetProperty("detail").GetProperty("cause").GetString());
        Assert.Equal("repair-report.pdf", steps[3].GetProperty("detail").GetProperty("attachments")[0].GetString());
        Assert.Equal([1, 2, 3, 4, 5], steps.Select(s => s.GetProperty("sequence").GetInt32()));

        JsonElement byRule = await Api.StaffJsonAsync("/api/v1/alarms/statistics?by=enterprise");
        JsonElement group = byRule.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "某电厂");
        Assert.True(group.GetProperty("closed").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Number, group.GetProperty("meanHoursToClose").ValueKind);
    }

    [Fact]
    [Trait("Area", "Quality")]
    public async Task WorkflowSteps_AreInTheAuditTrail_AndTheChainStillVerifies()
    {
        await RegisterOutletAsync("OUTA7");
        await SendHourAsync("OUTA7", 8, "99");
        long id = (await WaitForAlarmAsync("OUTA7", "so2-permit", a => true)).GetProperty("id").GetInt64();
        // The engine records a step in the audit trail after storing it (AuditingAlarmStepRecorder): the alarm can be
        // seen a moment before its "raised" entry.
        await AuditEntriesAsync(id, all => all.Any(e => e.GetProperty("action").GetString() == "alarm.raised"));
        await ExpectAsync(HttpStatusCode.OK, id, "acknowledge", """{"by":"王五","comment":"已确认"}""");

        JsonElement[] all = await AuditEntriesAsync(id, all => true);
        JsonElement raised = Assert.Single(all, e => e.GetProperty("action").GetString() == "alarm.raised");
        Assert.Equal("system:alarms", raised.GetProperty("actor").GetString());
        JsonElement acknowledged = Assert.Single(all, e => e.GetProperty("action").GetString() == "alarm.acknowledged");
        Assert.Equal("王五 (bootstrap-admin)", acknowledged.GetProperty("actor").GetString());
        Assert.Contains("\"state\":\"open\"", acknowledged.GetProperty("before").ToString(), StringComparison.Ordinal);
        Assert.Contains("\"state\":\"acknowledged\"", acknowledged.GetProperty("after").ToString(), StringComparison.Ordinal);

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        int exit = await EcoMonitor.Cli.Commands.AuditCommand.VerifyAsync(Api.DatabasePath, null, json: false, output, Token);
        Assert.True(exit == 0, output.ToString());
        Assert.StartsWith("audit trail intact", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The audit entries of an alarm, read again (up to 30 s) until <paramref name="isDone"/>.</summary>
    private async Task<JsonElement[]> AuditEntriesAsync(long id, Func<JsonElement[], bool> isDone)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using HttpResponseMessage response = await Api.GetAsync($"/api/v1/audit?subjectType=alarm&subjectId={id}", ApiFactory.AdminKey);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            JsonElement entries = await ApiFactory.ReadJsonAsync(response);
            JsonElement[] all = [.. (entries.ValueKind == JsonValueKind.Array ? entries : entries.GetProperty("entries")).EnumerateArray()];
            if (isDone(all) || DateTime.UtcNow > deadline)
            {
                return all;
            }

            await Task.Delay(100, Token);
        }
    }

    [Fact]
    public async Task FailingWebhook_IsRetriedUntilDelivered_AndTheAlarmAndEmailAreNotLost()
    {
        await RegisterOutletAsync("OUTA4");
        await SendHourAsync("OUTA4", 8, "300");
        long id = (await WaitForAlarmAsync("OUTA4", "so2-permit", a => true)).GetProperty("id").GetInt64();

        JsonElement[] notifications = [];
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            notifications = [.. (await Api.StaffJsonAsync($"/api/v1/alarms/{id}")).GetProperty("notifications").EnumerateArray()];
            if (notifications.Length == 2 && notifications.All(n => n.GetProperty("status").GetString() == "delivered"))
            {
                break;
            }

            await Task.Delay(100, Token);
        }

        JsonElement hook = notifications.Single(n => n.GetProperty("channelId").GetString() == "hook");
        JsonElement mail = notifications.Single(n => n.GetProperty("channelId").GetString() == "mail");
        Assert.Equal("delivered", hook.GetProperty("status").GetString());
        Assert.Equal(FlakyWebhook.FailuresPerMessage + 1, hook.GetProperty("attempts").GetInt32());
        Assert.Contains("500", hook.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        string messageId = hook.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(FlakyWebhook.FailuresPerMessage + 1, host.Webhook.CallsFor(messageId));
        using (var body = JsonDocument.Parse(host.Webhook.Accepted[messageId]))
        {
            Assert.Equal(id, body.RootElement.GetProperty("alarmId").GetInt64());
            Assert.Equal("raised", body.RootElement.GetProperty("event").GetString());
            Assert.Equal("OUTA4", body.RootElement.GetProperty("alarm").GetProperty("subject").GetString());
        }

        Assert.Equal("delivered", mail.GetProperty("status").GetString());
        Assert.Equal(1, mail.GetProperty("attempts").GetInt32());
        string mailId = mail.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        Assert.Contains(host.Smtp.Messages, m => m.Data.Contains("X-EcoMonitor-Message-Id: " + mailId, StringComparison.Ordinal) && m.To.Contains("<duty@example.org>"));
    }

    [Fact]
    [Trait("Area", "Quality")]
    public async Task ReviewInvalidatingTheEvidence_ClosesTheUntouchedAlarm_AndRestoringTheValuesRaisesANewOne()
    {
        await RegisterOutletAsync("OUTA8");
        await SendHourAsync("OUTA8", 8, "120");
        long id = (await WaitForAlarmAsync("OUTA8", "so2-permit", a => true)).GetProperty("id").GetInt64();

        await ReviewAsync("OUTA8", "invalid", "calibration");
        JsonElement closed = await WaitForAlarmAsync("OUTA8", "so2-permit", a => a.GetProperty("state").GetString() == "closed");

        Assert.Equal(id, closed.GetProperty("id").GetInt64());
        Assert.False(closed.GetProperty("isActive").GetBoolean());
        JsonElement detail = await Api.StaffJsonAsync($"/api/v1/alarms/{id}");
        Assert.Equal(120m, detail.GetProperty("evidence").GetProperty("values")[0].GetProperty("value").GetDecimal());
        JsonElement[] steps = [.. detail.GetProperty("timeline").EnumerateArray()];
        Assert.Equal(["raised", "invalidated"], steps.Select(s => s.GetProperty("action").GetString()));
        JsonElement review = steps[1].GetProperty("detail").GetProperty("review");
        Assert.Equal(("bootstrap-admin", "calibration"), (review.GetProperty("reviewer").GetString(), review.GetProperty("reason").GetString()));
        Assert.Contains(detail.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("event").GetString()!.StartsWith("invalidated-", StringComparison.Ordinal));

        await ReviewAsync("OUTA8", "valid", "confirmed");
        var deadline = DateTime.UtcNow + Patience;
        JsonElement alarms;
        while ((alarms = await Api.StaffJsonAsync("/api/v1/alarms?station=OUTA8&rule=so2-permit")).GetArrayLength() < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Token);
        }

        Assert.Equal(2, alarms.GetArrayLength());
        JsonElement raisedAgain = alarms.EnumerateArray().Single(a => a.GetProperty("id").GetInt64() != id);
        Assert.Equal(("open", 120m), (raisedAgain.GetProperty("state").GetString(), raisedAgain.GetProperty("peak").GetDecimal()));
    }

    [Fact]
    public async Task Email_AuthenticatesWithThePasswordFromConfiguration_AndRefusesToSendWithoutTheSecurityAsked()
    {
        await RegisterOutletAsync("OUTA9");
        await SendHourAsync("OUTA9", 8, "120");
        await SendHourAsync("OUTA9", 9, "121");
        await SendHourAsync("OUTA9", 10, "122");
        long id = (await WaitForAlarmAsync("OUTA9", "so2-permit-3h", a => true)).GetProperty("id").GetInt64();

        Dictionary<string, JsonElement> byChannel = [];
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            byChannel = (await Api.StaffJsonAsync($"/api/v1/alarms/{id}")).GetProperty("notifications").EnumerateArray()
                .ToDictionary(n => n.GetProperty("channelId").GetString()!);
            if (byChannel.Count == 4 && byChannel["mail-auth"].GetProperty("status").GetString() == "delivered"
                && byChannel.Values.All(n => n.GetProperty("attempts").GetInt32() >= 1))
            {
                break;
            }

            await Task.Delay(100, Token);
        }

        Assert.Equal("delivered", byChannel["mail-auth"].GetProperty("status").GetString());
        string messageId = byChannel["mail-auth"].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        Assert.Contains(host.SmtpWithAuth.Messages, m => m.Data.Contains("X-EcoMonitor-Message-Id: " + messageId, StringComparison.Ordinal));
        Assert.Contains(host.SmtpWithAuth.Logins, l => l.User == "alarms" && l.IsAccepted);
        Assert.Contains(host.SmtpWithAuth.Logins, l => l.User == "alarms" && !l.IsAccepted);

        Assert.NotEqual("delivered", byChannel["mail-wrong"].GetProperty("status").GetString());
        Assert.Contains("credentials invalid", byChannel["mail-wrong"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("delivered", byChannel["mail-nopass"].GetProperty("status").GetString());
        Assert.Contains("Alarms:SmtpPasswords:mail-nopass", byChannel["mail-nopass"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("delivered", byChannel["mail-tls"].GetProperty("status").GetString());
        Assert.Contains("STARTTLS", byChannel["mail-tls"].GetProperty("lastError").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(host.Smtp.Messages, m => m.Data.Contains("X-EcoMonitor-Message-Id: " + byChannel["mail-tls"].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rules_ManagedThroughTheApi_WithReadableErrors()
    {
        using HttpResponseMessage bad = await Api.SendJsonAsync(HttpMethod.Put, "/api/v1/alarm-rules/nh3n", """{"name":"氨氮","kind":"exceedance","parameter":"w21003","interval":"fortnight"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("interval: 'fortnight' is not one of realTime, minute, hour, day", (await ApiFactory.ReadJsonAsync(bad)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using HttpResponseMessage good = await Api.SendJsonAsync(HttpMethod.Put, "/api/v1/alarm-rules/nh3n", """{"name":"氨氮超 III 类","kind":"exceedance","stationType":"surfaceWater","parameter":"w21003","limitSource":"waterTargetClass","consecutive":2}""");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        JsonElement rules = await Api.StaffJsonAsync("/api/v1/alarm-rules");
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("id").GetString() == "nh3n" && r.GetProperty("consecutive").GetInt32() == 2);

        using HttpResponseMessage deleted = await Api.SendJsonAsync(HttpMethod.Delete, "/api/v1/alarm-rules/nh3n", "{}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using HttpResponseMessage gone = await Api.GetAsync("/api/v1/alarm-rules/nh3n", ApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task PermitLimits_WithAnOverlongPermitNumber_AreRefusedWithTheField_AndTheStoredLimitsKept()
    {
        await RegisterOutletAsync("OUTA9");
        string overlong = new('9', PermitLimit.MaxPermitNumberLength + 1);

        using HttpResponseMessage bad = await Api.SendJsonAsync(
            HttpMethod.Put, "/api/v1/stations/OUTA9/permit-limits", $$"""[{"parameter":"a21026","limit":50,"permitNumber":"{{overlong}}"}]""");

        JsonElement problem = await ProblemAssert.IsAsync(bad, HttpStatusCode.BadRequest, "invalid-body");
        Assert.Contains("permitNumber: at most 100 characters", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        JsonElement kept = await Api.StaffJsonAsync("/api/v1/stations/OUTA9/permit-limits");
        Assert.Equal(35m, Assert.Single(kept.EnumerateArray()).GetProperty("limit").GetDecimal());
        Assert.Equal(PermitNumber, kept[0].GetProperty("permitNumber").GetString());
    }

    private async Task RegisterOutletAsync(string mn)
    {
        using HttpResponseMessage station = await Api.RegisterStationAsync(
            $$"""{"mn":"{{mn}}","name":"某电厂1号烟气排口 {{mn}}","type":"flueGasOutlet","region":"510104","enterprise":"某电厂","password":"123456"}""");
        Assert.True(station.IsSuccessStatusCode, await station.Content.ReadAsStringAsync(Token));
        using HttpResponseMessage permits = await Api.SendJsonAsync(
            HttpMethod.Put, $"/api/v1/stations/{mn}/permit-limits", $$"""[{"parameter":"a21026","limit":35,"permitNumber":"{{PermitNumber}}"}]""");
        Assert.True(permits.IsSuccessStatusCode, await permits.Content.ReadAsStringAsync(Token));
    }

    private async Task SendHourAsync(string mn, int hour, string so2)
    {
        await using FakeStation station = await FakeStation.ConnectAsync(Api.GatewayPort, Token);
        string dataTime = string.Create(CultureInfo.InvariantCulture, $"20260301{hour:D2}0000");
        await station.SendAsync(Frames.Hour(mn, Frames.NextQn(), dataTime, [("a21026", so2)]), Token);
        byte[] reply = await station.ReadReplyAsync(TimeSpan.FromSeconds(10), Token) ?? throw new Xunit.Sdk.XunitException("no reply from the gateway");
        Assert.Equal(9014, Frames.Read(reply).Command);
    }

    private async Task<JsonElement> WaitForAlarmAsync(string mn, string rule, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            JsonElement alarms = await Api.StaffJsonAsync($"/api/v1/alarms?station={mn}&rule={rule}");
            if (alarms.GetArrayLength() > 0 && condition(alarms[0]))
            {
                Assert.Equal(1, alarms.GetArrayLength());
                return alarms[0];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"No alarm of {rule} at {mn} as expected within {Patience}: {alarms}");
            }

            await Task.Delay(50, Token);
        }
    }

    private static DateTimeOffset Time(JsonElement element, string property) =>
        DateTimeOffset.Parse(element.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    private async Task ReviewAsync(string mn, string verdict, string reason)
    {
        using HttpResponseMessage response = await Api.SendJsonAsync(HttpMethod.Post, "/api/v1/review/decisions",
            $$"""{"station":"{{mn}}","parameter":"a21026","from":"2026-03-01T08:00:00+08:00","to":"2026-03-01T09:00:00+08:00","verdict":"{{verdict}}","reason":"{{reason}}"}""");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Token));
    }

    private async Task<HttpResponseMessage> ActAsync(long id, string action, string json) =>
        await Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/alarms/{id}/{action}", json);

    private async Task ExpectAsync(HttpStatusCode expected, long id, string action, string json)
    {
        using HttpResponseMessage response = await ActAsync(id, action, json);
        Assert.True(expected == response.StatusCode, $"{action}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync(Token)}");
    }
}
