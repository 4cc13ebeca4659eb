using System.Text.Json;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The supervision workflow (督办) as a pure state machine:
/// Open → Acknowledged → Dispatched → FeedbackSubmitted → Closed (verify), FeedbackSubmitted → Dispatched (reject),
/// Dispatched → Escalated (deadline passed) → Dispatched (re-dispatch) or FeedbackSubmitted, Open/Acknowledged →
/// Closed (dismiss). Anything else is refused with the reason; a closed alarm accepts nothing.
/// </summary>
public static class AlarmWorkflow
{
    /// <summary>Applies <paramref name="action"/> by <paramref name="actor"/> at <paramref name="now"/>.</summary>
    public static WorkflowOutcome Apply(Alarm alarm, AlarmAction action, WorkflowInput input, string actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        AlarmState[] from = Allowed(action);
        if (Array.IndexOf(from, alarm.State) < 0)
        {
            string allowed = string.Join(" or ", from.Select(s => AlarmNames.Of(s)));
            return Refuse(alarm, $"Cannot {AlarmNames.Of(action)} alarm {alarm.Id}: it is {AlarmNames.Of(alarm.State)}, and {AlarmNames.Of(action)} is allowed only when it is {allowed}.");
        }

        switch (action)
        {
            case AlarmAction.Acknowledge:
                return Step(alarm with { State = AlarmState.Acknowledged }, "acknowledged", actor, now, new WorkflowComment(input.Comment));
            case AlarmAction.Dispatch:
                if (string.IsNullOrWhiteSpace(input.Unit) || input.Deadline is not { } deadline || deadline <= now)
                {
                    return Invalid(alarm, "Dispatch needs the responsible unit (unit) and a deadline in the future (deadline).");
                }

                return Step(alarm with { State = AlarmState.Dispatched, AssignedUnit = input.Unit.Trim(), Deadline = deadline }, "dispatched", actor, now,
                    new Dispatched(input.Unit.Trim(), deadline.ToString(), input.Comment));
            case AlarmAction.Feedback:
                if (string.IsNullOrWhiteSpace(input.Cause) || string.IsNullOrWhiteSpace(input.Measures))
                {
                    return Invalid(alarm, "Feedback needs the cause found (cause) and the measures taken (measures).");
                }

                return Step(alarm with { State = AlarmState.FeedbackSubmitted }, "feedback", actor, now,
                    new FeedbackGiven(input.Cause.Trim(), input.Measures.Trim(), input.Attachments, input.Comment));
            case AlarmAction.Verify:
                return Step(alarm with { State = AlarmState.Closed, ClosedAt = now }, "verified", actor, now, new WorkflowComment(input.Comment));
            case AlarmAction.Reject:
                if (string.IsNullOrWhiteSpace(input.Comment) || input.Deadline is not { } newDeadline || newDeadline <= now)
                {
                    return Invalid(alarm, "Rejecting feedback needs the reason (comment) and a new deadline in the future (deadline).");
                }

                return Step(alarm with { State = AlarmState.Dispatched, Deadline = newDeadline }, "rejected", actor, now,
                    new FeedbackRejected(input.Comment.Trim(), newDeadline.ToString()));
            case AlarmAction.Escalate:
                if (alarm.Deadline is not { } due || due > now)
                {
                    return Refuse(alarm, $"Cannot escalate alarm {alarm.Id}: its deadline has not passed.");
                }

                AlarmSeverity raised = alarm.Severity < AlarmSeverity.Critical ? alarm.Severity + 1 : alarm.Severity;
                return Step(alarm with { State = AlarmState.Escalated, EscalationLevel = alarm.EscalationLevel + 1, Severity = raised }, "escalated", actor, now,
                    new Escalated(due.ToString(), alarm.EscalationLevel + 1, AlarmNames.Of(raised)));
            case AlarmAction.Dismiss:
                if (string.IsNullOrWhiteSpace(input.Comment))
                {
                    return Invalid(alarm, "Dismissing an alarm needs the reason (comment).");
                }

                return Step(alarm with { State = AlarmState.Closed, ClosedAt = now }, "dismissed", actor, now, new WorkflowComment(input.Comment.Trim()));
            default:
                return Refuse(alarm, $"Unknown action {action}.");
        }
    }

    /// <summary>The states an action is allowed in.</summary>
    public static AlarmState[] Allowed(AlarmAction action) => action switch
    {
        AlarmAction.Acknowledge => [AlarmState.Open],
        AlarmAction.Dispatch => [AlarmState.Acknowledged, AlarmState.Escalated],
        AlarmAction.Feedback => [AlarmState.Dispatched, AlarmState.Escalated],
        AlarmAction.Verify => [AlarmState.FeedbackSubmitted],
        AlarmAction.Reject => [AlarmState.FeedbackSubmitted],
        AlarmAction.Escalate => [AlarmState.Dispatched],
        AlarmAction.Dismiss => [AlarmState.Open, AlarmState.Acknowledged],
        _ => [],
    };

    private static WorkflowOutcome Step(Alarm after, string action, string actor, Instant now, AlarmDetail detail) =>
        new(after, new AlarmStep(after.Id, now, actor, action, after.State, JsonSerializer.Serialize(detail, AlarmRuleReader.Json)), null);

    private static WorkflowOutcome Refuse(Alarm alarm, string reason) => new(alarm, null, reason);

    private static WorkflowOutcome Invalid(Alarm alarm, string reason) => new(alarm, null, reason, IsInvalidInput: true);
}
