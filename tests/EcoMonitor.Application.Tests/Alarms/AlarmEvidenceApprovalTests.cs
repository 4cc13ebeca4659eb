using System.Text;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Alarms;

/// <summary>
/// The JSON an alarm keeps — its frozen evidence and each step's detail — is a stored format: alarms raised by earlier
/// versions are read by later ones. This pins it byte for byte for each kind of rule (exceedance with a permit limit,
/// silence, city AQI) through raise, recurrence and clearance, review decisions and every workflow action; approved files in Alarms/Approved (written when
/// <c>ECOMON_APPROVE=1</c>, then reviewed as any change of a stored format).
/// </summary>
[Trait("Area", "Foundation")]
public sealed class AlarmEvidenceApprovalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exceedance_OfAPermitLimit_RaiseRecurClear()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "so2-permit", "name": "SO2 超许可限值", "kind": "exceedance", "severity": "serious", "stationType": "flueGasOutlet", "parameter": "a21026", "limitSource": "permit" } ] }
            """, AlarmSome.Outlet());
        await host.Rules.ReplacePermitLimitsAsync(AlarmSome.OutletId, [new PermitLimit(AlarmSome.OutletId, AlarmSome.So2, 100m, "91510100MA0001")], "admin", Ct);

        await host.CommitAsync(AlarmSome.So2Value(0, 80m), AlarmSome.So2Value(1, 130m));
        await host.CommitAsync(AlarmSome.So2Value(2, 90m));
        await host.CommitAsync(AlarmSome.So2Value(3, 150m));
        await host.CommitAsync(AlarmSome.So2Value(4, 60m));

        await ApproveAsync(host, "exceedance-permit");
    }

    [Fact]
    public async Task Silence_RaiseClear()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "silent-30", "name": "30 分钟无数据", "kind": "silence", "stationType": "flueGasOutlet", "silentMinutes": 30 } ] }
            """, AlarmSome.Outlet());
        host.Time.Advance(TimeSpan.FromMinutes(31));
        await host.Engine.CheckAsync(Ct);
        await host.CommitAsync(AlarmSome.So2Value(0, 10m) with { ReceivedAt = host.Now });
        await host.Engine.CheckAsync(Ct);

        await ApproveAsync(host, "silence");
    }

    [Fact]
    public async Task CityAqi_RaiseClear()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [ { "id": "aqi-heavy", "name": "重度污染", "kind": "aqi", "severity": "serious", "region": "510000", "limit": 200 } ] }
            """, AlarmSome.Outlet("1431A", "510104", StationType.AirQuality));
        EvaluationSubject city = new(EvaluationScope.City, "510100");
        var hour = Instant.FromUtc(2026, 2, 28, 23, 0);
        await host.Evaluations.SaveHourlyAsync([new HourlyAqiRecord { Subject = city, HourStart = hour, Aqi = 201, Primary = "PM2.5", Exceeding = "PM2.5" }], Ct);
        await host.Engine.CheckAsync(Ct);
        await host.Evaluations.SaveHourlyAsync([new HourlyAqiRecord { Subject = city, HourStart = hour + Duration.FromHours(1), Aqi = 150, Primary = "PM2.5", Exceeding = "PM2.5" }], Ct);
        host.Time.Advance(TimeSpan.FromHours(1));
        await host.Engine.CheckAsync(Ct);

        await ApproveAsync(host, "city-aqi");
    }

    [Fact]
    public async Task ReviewDecisions_InvalidateOneAlarm_AndReviewAnother()
    {
        await using AlarmTestHost host = await AlarmTestHost.StartAsync("""
            { "rules": [
              { "id": "so2", "name": "SO2", "kind": "exceedance", "parameter": "a21026", "limit": 100 },
              { "id": "so2-3h", "name": "SO2 3 h", "kind": "exceedance", "parameter": "a21026", "limit": 100, "consecutive": 3 } ] }
            """, AlarmSome.Outlet());
        await host.CommitAsync(AlarmSome.So2Value(0, 150m), AlarmSome.So2Value(1, 160m), AlarmSome.So2Value(2, 170m));

        await host.ReviewAsync(
            new ReviewRequest(AlarmSome.OutletId, ObservationInterval.Hour, AlarmSome.So2, new Interval(AlarmSome.Hour(1), AlarmSome.Hour(2)), ReviewVerdict.Invalid, "fault", "故障"),
            "zhang");

        await ApproveAsync(host, "review");
    }

    [Fact]
    public async Task Workflow_EveryAction()
    {
        Instant now = AlarmSome.Hour(10);
        Alarm alarm = new()
        {
            Id = 7, RuleId = "so2-limit", Kind = AlarmRuleKind.Exceedance, Subject = "OUT001", SubjectName = "排口", Region = "510104",
            Severity = AlarmSeverity.Warning, RaisedAt = AlarmSome.Hour(1), FirstPeriod = AlarmSome.Hour(0), LastPeriod = AlarmSome.Hour(0), Evidence = "{}",
        };
        var text = new StringBuilder();
        foreach ((AlarmAction action, WorkflowInput input, Instant at) in new (AlarmAction, WorkflowInput, Instant)[]
        {
            (AlarmAction.Acknowledge, new WorkflowInput { Comment = "收到" }, now),
            (AlarmAction.Dispatch, new WorkflowInput { Unit = " 成都市生态环境局 ", Deadline = now + Duration.FromDays(3), Comment = "请核查" }, now),
            (AlarmAction.Escalate, new WorkflowInput(), now + Duration.FromDays(4)),
            (AlarmAction.Feedback, new WorkflowInput { Cause = "脱硫塔循环泵故障", Measures = "更换循环泵", Attachments = ["repair.pdf"] }, now + Duration.FromDays(4)),
            (AlarmAction.Reject, new WorkflowInput { Comment = "措施不足", Deadline = now + Duration.FromDays(6) }, now + Duration.FromDays(4)),
            (AlarmAction.Feedback, new WorkflowInput { Cause = "泵故障", Measures = "更换并复测", Comment = "已复测" }, now + Duration.FromDays(5)),
            (AlarmAction.Verify, new WorkflowInput { Comment = "现场核查属实" }, now + Duration.FromDays(5)),
        })
        {
            WorkflowOutcome outcome = AlarmWorkflow.Apply(alarm, action, input, "zhang", at);
            Assert.True(outcome.IsApplied, outcome.Refusal);
            alarm = outcome.Alarm;
            text.Append(outcome.Step!.Action).Append(' ').AppendLine(outcome.Step.Detail);
        }

        WorkflowOutcome dismissed = AlarmWorkflow.Apply(alarm with { State = AlarmState.Open, ClosedAt = null }, AlarmAction.Dismiss, new WorkflowInput { Comment = " 误报 " }, "li", now);
        text.Append(dismissed.Step!.Action).Append(' ').AppendLine(dismissed.Step.Detail);

        await ApproveAsync(text.ToString(), "workflow");
    }

    /// <summary>Every alarm's evidence and its steps' details, one block per alarm, compared with the approved file.</summary>
    private static async Task ApproveAsync(AlarmTestHost host, string name)
    {
        var text = new StringBuilder();
        foreach (Alarm alarm in (await host.AllAlarmsAsync()).OrderBy(a => a.Id))
        {
            text.Append("evidence ").AppendLine(alarm.Evidence);
            foreach (AlarmStep step in await host.Alarms.TimelineAsync(alarm.Id, Ct))
            {
                text.Append(step.Action).Append(' ').AppendLine(step.Detail);
            }
        }

        await ApproveAsync(text.ToString(), name);
    }

    private static async Task ApproveAsync(string text, string name)
    {
        string approved = RepoFiles.Path($"tests/EcoMonitor.Application.Tests/Alarms/Approved/{name}.txt");
        if (Environment.GetEnvironmentVariable("ECOMON_APPROVE") == "1")
        {
            await File.WriteAllTextAsync(approved, text, Ct);
        }

        Assert.True(File.Exists(approved), $"{approved} is missing: run with ECOMON_APPROVE=1 to write it, then review it");
        Assert.Equal(await File.ReadAllTextAsync(approved, Ct), text);
    }
}
