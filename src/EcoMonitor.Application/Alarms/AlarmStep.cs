using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>One entry of an alarm's timeline: who did what when, and the state after it. Append-only.</summary>
/// <param name="AlarmId">The alarm (0 until the alarm is first saved; the store fills it in).</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who: a user name, or <c>system</c> for the engine.</param>
/// <param name="Action">What: raised, updated, cleared, recurred, invalidated and reviewed (after a review decision), acknowledged, dispatched, feedback, verified, rejected, escalated, dismissed, notified, notificationFailed.</param>
/// <param name="StateAfter">The workflow state after the step.</param>
/// <param name="Detail">Details as JSON (unit and deadline, cause and measures, values…).</param>
public sealed record AlarmStep(long AlarmId, Instant At, string Actor, string Action, AlarmState StateAfter, string Detail)
{
    /// <summary>Sequence number within the alarm (1, 2, …), assigned by the store.</summary>
    public int Sequence { get; init; }
}
