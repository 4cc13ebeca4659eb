using System.Text.Json.Serialization;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The typed documents an alarm keeps as JSON: the context of its frozen evidence (<see cref="AlarmEvidence.Context"/>)
/// and the detail of each step (<see cref="AlarmStep.Detail"/>), the engine's and the workflow's. A stored format: the property names, order and
/// types are what alarms written earlier hold (pinned by <c>AlarmEvidenceApprovalTests</c>); serialized with
/// <see cref="AlarmRuleReader.Json"/> (camelCase, no type discriminator). Instants are written as China Standard Time
/// text (<see cref="AlarmTime"/>). Immutable.
/// </summary>
[JsonDerivedType(typeof(StationContext))]
[JsonDerivedType(typeof(SilenceContext))]
[JsonDerivedType(typeof(CityAqiContext))]
[JsonDerivedType(typeof(SecurityBurstDetail))]
[JsonDerivedType(typeof(EpisodeRaised))]
[JsonDerivedType(typeof(EpisodeRecurred))]
[JsonDerivedType(typeof(ValueCleared))]
[JsonDerivedType(typeof(SilenceRaised))]
[JsonDerivedType(typeof(SilenceRecurred))]
[JsonDerivedType(typeof(SilenceCleared))]
[JsonDerivedType(typeof(AqiRaised))]
[JsonDerivedType(typeof(AqiRecurred))]
[JsonDerivedType(typeof(AqiCleared))]
[JsonDerivedType(typeof(SecurityQuiet))]
[JsonDerivedType(typeof(ReviewInvalidated))]
[JsonDerivedType(typeof(ReviewReassessed))]
[JsonDerivedType(typeof(WorkflowComment))]
[JsonDerivedType(typeof(Dispatched))]
[JsonDerivedType(typeof(FeedbackGiven))]
[JsonDerivedType(typeof(FeedbackRejected))]
[JsonDerivedType(typeof(Escalated))]
public abstract record AlarmDetail;

/// <summary>Evidence context of a station's alarm.</summary>
public sealed record StationContext(string Station, string StationName, int? WaterTargetClass) : AlarmDetail;

/// <summary>Evidence context of a silence alarm: when the station was last heard, when the check found it silent.</summary>
public sealed record SilenceContext(string LastHeard, string CheckedAt) : AlarmDetail;

/// <summary>Evidence context of a city's AQI alarm: the hour that raised it.</summary>
public sealed record CityAqiContext(string City, string HourStart, int? Aqi, string Primary) : AlarmDetail;

/// <summary>A burst of security failures: evidence context, and the detail of its raised, recurred and burst steps.</summary>
public sealed record SecurityBurstDetail(string Failure, string By, string Key, int Failures, string From, string To, IReadOnlyList<string> Others) : AlarmDetail;

/// <summary>Step <c>raised</c> of a value rule: the episode that raised it.</summary>
public sealed record EpisodeRaised(decimal? Limit, decimal? Peak, int Hits, string FirstPeriod, string LastPeriod, bool Active) : AlarmDetail;

/// <summary>Step <c>recurred</c> of a value rule: the new episode.</summary>
public sealed record EpisodeRecurred(decimal? Peak, string FirstPeriod, string LastPeriod) : AlarmDetail;

/// <summary>Step <c>cleared</c> of a value rule: the latest value, back within the limit.</summary>
public sealed record ValueCleared(string Period, decimal? Value, string Flag, decimal? Limit) : AlarmDetail;

/// <summary>Step <c>raised</c> of a silence rule.</summary>
public sealed record SilenceRaised(string LastHeard, int SilentMinutes) : AlarmDetail;

/// <summary>Step <c>recurred</c> of a silence rule.</summary>
public sealed record SilenceRecurred(string LastHeard) : AlarmDetail;

/// <summary>Step <c>cleared</c> of a silence rule: when the station was heard again.</summary>
public sealed record SilenceCleared(string HeardAt) : AlarmDetail;

/// <summary>Step <c>raised</c> of a city's AQI rule.</summary>
public sealed record AqiRaised(int? Aqi, string HourStart, string Primary) : AlarmDetail;

/// <summary>Step <c>recurred</c> of a city's AQI rule.</summary>
public sealed record AqiRecurred(int? Aqi) : AlarmDetail;

/// <summary>Step <c>cleared</c> of a city's AQI rule: the hour back below the limit.</summary>
public sealed record AqiCleared(int? Aqi, string HourStart) : AlarmDetail;

/// <summary>Step <c>cleared</c> of a security alarm: quiet for the rule's minutes since the last burst.</summary>
public sealed record SecurityQuiet(int QuietMinutes, string LastBurst) : AlarmDetail;

/// <summary>The review decision a review step names (<c>review.decision</c> is read back to make re-evaluation idempotent).</summary>
public sealed record ReviewReference(long Decision, string Reviewer, string Verdict, string Reason, string? Comment, string Parameter, string From, string To);

/// <summary>Step <c>invalidated</c>: a decision left the alarm no evidence; <see cref="Closed"/> when that closed it.</summary>
public sealed record ReviewInvalidated(ReviewReference Review, bool Closed) : AlarmDetail;

/// <summary>Step <c>reviewed</c>: a decision changed the alarm's episodes; what remains.</summary>
public sealed record ReviewReassessed(ReviewReference Review, string FirstPeriod, string LastPeriod, decimal? Peak, int Hits) : AlarmDetail;

/// <summary>Workflow steps <c>acknowledged</c>, <c>verified</c> and <c>dismissed</c>: the staff member's comment.</summary>
public sealed record WorkflowComment(string? Comment) : AlarmDetail;

/// <summary>Workflow step <c>dispatched</c>: the responsible unit and the feedback deadline (ISO instant).</summary>
public sealed record Dispatched(string Unit, string Deadline, string? Comment) : AlarmDetail;

/// <summary>Workflow step <c>feedback</c>: the cause found, the measures taken, the attachments.</summary>
public sealed record FeedbackGiven(string Cause, string Measures, IReadOnlyList<string> Attachments, string? Comment) : AlarmDetail;

/// <summary>Workflow step <c>rejected</c>: why the feedback was not accepted, and the new deadline.</summary>
public sealed record FeedbackRejected(string Comment, string Deadline) : AlarmDetail;

/// <summary>Workflow step <c>escalated</c>: the deadline that passed, the new escalation level and severity.</summary>
public sealed record Escalated(string Deadline, int Level, string Severity) : AlarmDetail;
