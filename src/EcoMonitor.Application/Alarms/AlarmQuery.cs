using EcoMonitor.Application.Access;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// A filter over alarms; unset members do not filter, except <see cref="Scope"/>, which every query names. Results newest
/// raised first.
/// </summary>
public sealed record AlarmQuery
{
    /// <summary>
    /// Whose alarms: the caller's jurisdiction (by the alarm's region) and enterprise (ADR 0036 §4); the platform's own
    /// workers pass <see cref="AccessScope.Everything"/>. Required, so that no query forgets it.
    /// </summary>
    public required AccessScope Scope { get; init; }

    /// <summary>Only alarms in these states.</summary>
    public IReadOnlyList<AlarmState> States { get; init; } = [];

    /// <summary>Only not closed (true) or closed (false) alarms.</summary>
    public bool? IsOpen { get; init; }

    /// <summary>Only this subject (station MN or city code).</summary>
    public string? Subject { get; init; }

    /// <summary>Only subjects in this region (prefix match on the code's significant digits).</summary>
    public string? RegionPrefix { get; init; }

    /// <summary>Only this enterprise.</summary>
    public string? Enterprise { get; init; }

    /// <summary>Only this rule.</summary>
    public string? RuleId { get; init; }

    /// <summary>Only this severity or higher.</summary>
    public AlarmSeverity? MinSeverity { get; init; }

    /// <summary>Raised at or after.</summary>
    public Instant? From { get; init; }

    /// <summary>Raised before.</summary>
    public Instant? To { get; init; }

    /// <summary>At most this many.</summary>
    public int Limit { get; init; } = 500;
}
