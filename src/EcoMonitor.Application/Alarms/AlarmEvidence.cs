using System.Text.Json;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// An alarm's frozen evidence (<see cref="Alarm.Evidence"/>), written once when the alarm is raised and never changed:
/// the rule as it was, the limit and where it came from, the subject's context, the values of the episode and the raw
/// frames around it. A stored format (pinned by <c>AlarmEvidenceApprovalTests</c>). Immutable.
/// </summary>
public sealed record AlarmEvidence(
    AlarmRuleDocument Rule, decimal? Limit, string LimitSource, string? PermitNumber, AlarmDetail Context,
    IReadOnlyList<AlarmEvidenceValue> Values, IReadOnlyList<AlarmEvidenceFrame> Frames)
{
    /// <summary>The stored JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AlarmRuleReader.Json);
}

/// <summary>One value of the episode in the evidence.</summary>
public sealed record AlarmEvidenceValue(string PeriodStart, decimal? Value, string Flag);

/// <summary>One raw frame around the episode in the evidence, its text decoded (passwords masked).</summary>
public sealed record AlarmEvidenceFrame(long Id, string ReceivedAt, string Peer, string Outcome, string Text);
