namespace EcoMonitor.Application.Alarms;

/// <summary>Where an alarm is in the supervision workflow (督办). See <see cref="AlarmWorkflow"/> for the transitions.</summary>
public enum AlarmState
{
    /// <summary>Raised, nobody has looked at it yet (待确认).</summary>
    Open,

    /// <summary>Seen and accepted by the centre (已确认).</summary>
    Acknowledged,

    /// <summary>Sent to a responsible unit with a deadline (已督办).</summary>
    Dispatched,

    /// <summary>The deadline passed without feedback (已升级).</summary>
    Escalated,

    /// <summary>The unit reported cause and measures; awaiting verification (待核查).</summary>
    FeedbackSubmitted,

    /// <summary>Verified and closed, or dismissed (已办结). Final.</summary>
    Closed,
}
