using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Workflow actions from people (the API): reads the alarm, applies <see cref="AlarmWorkflow"/>, records the step
/// through <see cref="IAlarmStepRecorder"/>. Concurrent actions on one alarm: the second is refused as a conflict.
/// </summary>
public sealed class AlarmWorkflowService(IAlarmStore store, IAlarmStepRecorder recorder, AlarmRuleSet rules, ActiveAlarmSet active, TimeProvider timeProvider)
{
    /// <summary>Applies <paramref name="action"/>; null when the alarm does not exist.</summary>
    public async Task<WorkflowOutcome?> ApplyAsync(long id, AlarmAction action, WorkflowInput input, string actor, CancellationToken cancellationToken)
    {
        Alarm? alarm = await store.GetAsync(id, cancellationToken);
        if (alarm is null)
        {
            return null;
        }

        var now = Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
        WorkflowOutcome outcome = AlarmWorkflow.Apply(alarm, action, input, actor, now);
        if (!outcome.IsApplied)
        {
            return outcome;
        }

        IReadOnlyList<OutboxMessage> notify = action == AlarmAction.Escalate
            ? NotificationPlanner.Plan(outcome.Alarm, rules.Current.RulesById.GetValueOrDefault(alarm.RuleId), $"escalated-{outcome.Alarm.EscalationLevel}", rules.Current, now)
            : [];
        try
        {
            Alarm saved = await recorder.RecordAsync(outcome.Alarm, outcome.Step, notify, cancellationToken);
            if (saved.State == AlarmState.Closed)
            {
                active.Set(saved.Subject, saved.RuleId, isActive: false);
            }

            return outcome with { Alarm = saved };
        }
        catch (AlarmConflictException exception)
        {
            return new WorkflowOutcome(alarm, null, exception.Message);
        }
    }
}
