using System.Text.Json;
using EcoMonitor.Application.Alarms;

namespace EcoMonitor.Web.Api;

/// <summary>An alarm in lists. Times ISO 8601 at +08:00; enums camelCase.</summary>
/// <param name="Id">Alarm id.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="Kind">exceedance, rateOfRise, flatLine, faultFlag, silence, aqi.</param>
/// <param name="Subject">Station MN or city code.</param>
/// <param name="SubjectName">Station or city name.</param>
/// <param name="Region">Region code.</param>
/// <param name="Enterprise">Enterprise of an outlet.</param>
/// <param name="Parameter">Parameter code.</param>
/// <param name="Severity">notice, warning, serious, critical.</param>
/// <param name="State">open, acknowledged, dispatched, escalated, feedbackSubmitted, closed.</param>
/// <param name="IsActive">The condition still holds.</param>
/// <param name="RaisedAt">When raised.</param>
/// <param name="FirstPeriod">First period of the episode.</param>
/// <param name="LastPeriod">Last period seen in the condition.</param>
/// <param name="ClearedAt">When values returned (last time), or null.</param>
/// <param name="Limit">Limit applied.</param>
/// <param name="Peak">Worst value.</param>
/// <param name="Hits">Periods in the condition.</param>
/// <param name="Recurrences">Times the condition came back before closing.</param>
/// <param name="AssignedUnit">Responsible unit.</param>
/// <param name="Deadline">Feedback deadline.</param>
/// <param name="EscalationLevel">Times the deadline passed.</param>
/// <param name="ClosedAt">When closed.</param>
public sealed record AlarmDto(
    long Id, string RuleId, string Kind, string Subject, string SubjectName, string Region, string? Enterprise, string? Parameter,
    string Severity, string State, bool IsActive, string RaisedAt, string FirstPeriod, string LastPeriod, string? ClearedAt,
    decimal? Limit, decimal? Peak, int Hits, int Recurrences, string? AssignedUnit, string? Deadline, int EscalationLevel, string? ClosedAt)
{
    /// <summary>The DTO of an alarm.</summary>
    public static AlarmDto From(Alarm a) => new(
        a.Id, a.RuleId, AlarmNames.Of(a.Kind), a.Subject, a.SubjectName, a.Region, a.Enterprise, a.Parameter?.Value, AlarmNames.Of(a.Severity),
        AlarmNames.Of(a.State), a.IsActive, ApiTime.Format(a.RaisedAt), ApiTime.Format(a.FirstPeriod), ApiTime.Format(a.LastPeriod),
        a.ClearedAt is { } c ? ApiTime.Format(c) : null, a.Limit, a.Peak, a.Hits, a.Recurrences, a.AssignedUnit,
        a.Deadline is { } d ? ApiTime.Format(d) : null, a.EscalationLevel, a.ClosedAt is { } x ? ApiTime.Format(x) : null);
}

/// <summary>One alarm with its frozen evidence, timeline and notifications.</summary>
/// <param name="Alarm">The alarm.</param>
/// <param name="Evidence">Frozen at raising: the rule as it was, the limit, the values, the raw frames.</param>
/// <param name="Timeline">Every step: who, when, what.</param>
/// <param name="Notifications">Notifications queued and their delivery.</param>
public sealed record AlarmDetailDto(AlarmDto Alarm, JsonElement Evidence, AlarmStepDto[] Timeline, AlarmNotificationDto[] Notifications);

/// <summary>One timeline step.</summary>
/// <param name="Sequence">1, 2, …</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="StateAfter">State after the step.</param>
/// <param name="Detail">Details (JSON).</param>
public sealed record AlarmStepDto(int Sequence, string At, string Actor, string Action, string StateAfter, JsonElement Detail)
{
    /// <summary>The DTO of a step.</summary>
    public static AlarmStepDto From(AlarmStep s) =>
        new(s.Sequence, ApiTime.Format(s.At), s.Actor, s.Action, AlarmNames.Of(s.StateAfter), JsonDocument.Parse(s.Detail).RootElement.Clone());
}

/// <summary>A notification of an alarm and its delivery.</summary>
/// <param name="Id">Message id.</param>
/// <param name="ChannelId">Channel.</param>
/// <param name="Event">raised, escalated-N, recurred-N, invalidated-&lt;review decision id&gt;.</param>
/// <param name="Status">pending, delivered, dead.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="CreatedAt">Queued at.</param>
/// <param name="NextAttemptAt">Next attempt (pending).</param>
/// <param name="LastError">Last failure.</param>
/// <param name="DeliveredAt">Delivered at.</param>
public sealed record AlarmNotificationDto(long Id, string ChannelId, string Event, string Status, int Attempts, string CreatedAt, string NextAttemptAt, string? LastError, string? DeliveredAt)
{
    /// <summary>The DTO of an outbox message.</summary>
    public static AlarmNotificationDto From(OutboxMessage m) => new(
        m.Id, m.ChannelId, m.Event, m.Status, m.Attempts, ApiTime.Format(m.CreatedAt), ApiTime.Format(m.NextAttemptAt), m.LastError,
        m.DeliveredAt is { } d ? ApiTime.Format(d) : null);
}

/// <summary>The body of a workflow action; which fields are needed depends on the action (see docs/alarms.md).</summary>
/// <param name="By">The person acting (recorded with the authenticated identity).</param>
/// <param name="Unit">dispatch: the responsible unit.</param>
/// <param name="Deadline">dispatch, reject: feedback deadline, ISO 8601 with offset.</param>
/// <param name="Cause">feedback: cause found.</param>
/// <param name="Measures">feedback: measures taken.</param>
/// <param name="Attachments">feedback: attachment names or URLs.</param>
/// <param name="Comment">any; required for reject and dismiss.</param>
public sealed record WorkflowRequest(string? By, string? Unit, string? Deadline, string? Cause, string? Measures, string[]? Attachments, string? Comment);

/// <summary>Alarm counts and time to close per group.</summary>
/// <param name="By">region, enterprise, rule or severity.</param>
/// <param name="Groups">One row per group, most alarms first.</param>
public sealed record AlarmStatisticsDto(string By, AlarmGroupDto[] Groups);

/// <summary>One group of <see cref="AlarmStatisticsDto"/>.</summary>
/// <param name="Key">Region code, enterprise, rule id or severity.</param>
/// <param name="Total">Alarms raised in the range.</param>
/// <param name="Open">Of them not closed.</param>
/// <param name="Closed">Of them closed.</param>
/// <param name="MeanHoursToClose">Mean hours from raising to closing of the closed ones, or null.</param>
/// <param name="MaxHoursToClose">Longest hours to close, or null.</param>
public sealed record AlarmGroupDto(string Key, int Total, int Open, int Closed, double? MeanHoursToClose, double? MaxHoursToClose);

/// <summary>A permit limit of an outlet.</summary>
/// <param name="Parameter">HJ 212 parameter code.</param>
/// <param name="Limit">Concentration limit in the parameter's unit.</param>
/// <param name="PermitNumber">Permit number (排污许可证编号).</param>
public sealed record PermitLimitDto(string Parameter, decimal Limit, string? PermitNumber);
