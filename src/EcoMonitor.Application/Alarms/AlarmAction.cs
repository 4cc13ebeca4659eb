namespace EcoMonitor.Application.Alarms;

/// <summary>Workflow actions on an alarm.</summary>
public enum AlarmAction
{
    /// <summary>The centre accepts the alarm (Open → Acknowledged).</summary>
    Acknowledge,

    /// <summary>Sends it to a responsible unit with a deadline (Acknowledged/Escalated → Dispatched).</summary>
    Dispatch,

    /// <summary>The unit reports cause, measures and attachments (Dispatched/Escalated → FeedbackSubmitted).</summary>
    Feedback,

    /// <summary>The centre accepts the feedback (FeedbackSubmitted → Closed).</summary>
    Verify,

    /// <summary>The centre rejects the feedback with a new deadline (FeedbackSubmitted → Dispatched).</summary>
    Reject,

    /// <summary>The deadline passed (Dispatched → Escalated; by the system).</summary>
    Escalate,

    /// <summary>A false alarm is dismissed with a reason (Open/Acknowledged → Closed).</summary>
    Dismiss,
}
