using EcoMonitor.Application.Alarms;
using NodaTime;
using static EcoMonitor.Application.Tests.Alarms.AlarmSome;

namespace EcoMonitor.Application.Tests.Alarms;

[Trait("Area", "Alarms")]
public sealed class AlarmWorkflowTests
{
    private static readonly Instant Now = Hour(10);

    private static Alarm Raised() => new()
    {
        Id = 7, RuleId = "so2-limit", Kind = AlarmRuleKind.Exceedance, Subject = "OUT001", SubjectName = "排口", Region = "510104",
        Severity = AlarmSeverity.Warning, RaisedAt = Hour(1), FirstPeriod = Hour(0), LastPeriod = Hour(0), Evidence = "{}",
    };

    [Fact]
    public void FullPath_OpenToClosed_RecordsEachStep()
    {
        Alarm alarm = Raised();
        string[] actions = [];
        foreach ((AlarmAction action, WorkflowInput input) in new (AlarmAction, WorkflowInput)[]
        {
            (AlarmAction.Acknowledge, new WorkflowInput()),
            (AlarmAction.Dispatch, new WorkflowInput { Unit = "成都市生态环境局", Deadline = Now + Duration.FromDays(3) }),
            (AlarmAction.Feedback, new WorkflowInput { Cause = "脱硫塔循环泵故障", Measures = "更换循环泵", Attachments = ["repair.pdf"] }),
            (AlarmAction.Verify, new WorkflowInput { Comment = "现场核查属实" }),
        })
        {
            WorkflowOutcome outcome = AlarmWorkflow.Apply(alarm, action, input, "zhang", Now);
            Assert.True(outcome.IsApplied, outcome.Refusal);
            alarm = outcome.Alarm;
            actions = [.. actions, outcome.Step!.Action];
        }

        Assert.Equal(["acknowledged", "dispatched", "feedback", "verified"], actions);
        Assert.Equal(AlarmState.Closed, alarm.State);
        Assert.Equal(Now, alarm.ClosedAt);
        Assert.Equal("成都市生态环境局", alarm.AssignedUnit);
    }

    [Fact]
    public void Feedback_OnAnOpenAlarm_IsRefusedWithTheReason()
    {
        WorkflowOutcome outcome = AlarmWorkflow.Apply(Raised(), AlarmAction.Feedback, new WorkflowInput { Cause = "c", Measures = "m" }, "ent", Now);

        Assert.False(outcome.IsApplied);
        Assert.False(outcome.IsInvalidInput);
        Assert.Contains("it is open", outcome.Refusal, StringComparison.Ordinal);
        Assert.Contains("dispatched or escalated", outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispatch_WithoutDeadline_IsInvalidInput()
    {
        Alarm acknowledged = Raised() with { State = AlarmState.Acknowledged };

        WorkflowOutcome outcome = AlarmWorkflow.Apply(acknowledged, AlarmAction.Dispatch, new WorkflowInput { Unit = "局" }, "zhang", Now);

        Assert.True(outcome.IsInvalidInput);
    }

    [Fact]
    public void Escalate_OnlyAfterTheDeadline_RaisesSeverity()
    {
        Alarm dispatched = Raised() with { State = AlarmState.Dispatched, Deadline = Now };

        Assert.False(AlarmWorkflow.Apply(dispatched, AlarmAction.Escalate, new WorkflowInput(), "system", Now - Duration.FromMinutes(1)).IsApplied);
        WorkflowOutcome outcome = AlarmWorkflow.Apply(dispatched, AlarmAction.Escalate, new WorkflowInput(), "system", Now);

        Assert.Equal(AlarmState.Escalated, outcome.Alarm.State);
        Assert.Equal(1, outcome.Alarm.EscalationLevel);
        Assert.Equal(AlarmSeverity.Serious, outcome.Alarm.Severity);
    }

    [Fact]
    public void ClosedAlarm_AcceptsNothing()
    {
        Alarm closed = Raised() with { State = AlarmState.Closed };

        foreach (AlarmAction action in Enum.GetValues<AlarmAction>())
        {
            Assert.False(AlarmWorkflow.Apply(closed, action, new WorkflowInput { Comment = "x" }, "zhang", Now).IsApplied);
        }
    }
}
