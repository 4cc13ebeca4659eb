using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// One alarm: a rule's condition at one subject (a station, or a city for AQI rules), from the first period of the
/// episode until it is closed. At most one alarm per subject and rule is not closed: while the condition lasts the
/// alarm is updated (<see cref="LastPeriod"/>, <see cref="Peak"/>, <see cref="Hits"/>), not repeated.
/// </summary>
public sealed record Alarm
{
    /// <summary>Store-assigned id (0 before the first save).</summary>
    public long Id { get; init; }

    /// <summary>The rule's id.</summary>
    public required string RuleId { get; init; }

    /// <summary>The rule's kind.</summary>
    public required AlarmRuleKind Kind { get; init; }

    /// <summary>A station MN, or the city code of an AQI rule.</summary>
    public required string Subject { get; init; }

    /// <summary>The subject's name (station or city) when raised.</summary>
    public required string SubjectName { get; init; }

    /// <summary>The region of the subject.</summary>
    public required string Region { get; init; }

    /// <summary>The enterprise (排污单位) of an outlet, or null.</summary>
    public string? Enterprise { get; init; }

    /// <summary>The parameter watched, or null (silence, AQI, any-parameter fault rules).</summary>
    public ParameterCode? Parameter { get; init; }

    /// <summary>Severity (the rule's, raised on escalation).</summary>
    public required AlarmSeverity Severity { get; init; }

    /// <summary>Workflow state.</summary>
    public AlarmState State { get; init; } = AlarmState.Open;

    /// <summary>True while the condition holds; false once values returned (cleared) — the workflow goes on.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>When the alarm was raised.</summary>
    public required Instant RaisedAt { get; init; }

    /// <summary>First period of the episode.</summary>
    public required Instant FirstPeriod { get; init; }

    /// <summary>Last period seen in the condition.</summary>
    public required Instant LastPeriod { get; init; }

    /// <summary>When the condition was last seen to end, or null.</summary>
    public Instant? ClearedAt { get; init; }

    /// <summary>The limit applied (or threshold), in the parameter's unit.</summary>
    public decimal? Limit { get; init; }

    /// <summary>The worst value of the episode.</summary>
    public decimal? Peak { get; init; }

    /// <summary>Periods in the condition so far.</summary>
    public int Hits { get; init; }

    /// <summary>Times the condition came back after clearing while the alarm was not closed.</summary>
    public int Recurrences { get; init; }

    /// <summary>The responsible unit it is dispatched to (city/county bureau, enterprise).</summary>
    public string? AssignedUnit { get; init; }

    /// <summary>Deadline for the unit's feedback.</summary>
    public Instant? Deadline { get; init; }

    /// <summary>Times the deadline passed.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>When it was closed.</summary>
    public Instant? ClosedAt { get; init; }

    /// <summary>Frozen evidence (JSON): the rule as it was, the values, the raw frames. Never changed after raising.</summary>
    public required string Evidence { get; init; }

    /// <summary>Optimistic concurrency: incremented by every save; a save of a stale copy fails.</summary>
    public int Version { get; init; }
}
