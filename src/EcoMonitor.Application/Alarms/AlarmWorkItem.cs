using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// A series value that needs a full evaluation of one rule (a hit, or a value that may clear an active alarm), or — with
/// <see cref="Review"/> — a reviewer's decision about a range of the series, which re-evaluates the rule over that range.
/// </summary>
/// <param name="Station">The station.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="Parameter">The series' parameter.</param>
/// <param name="Interval">The series' interval.</param>
/// <param name="Period">The period that arrived (the focus of the evaluation); for a review, the start of its range.</param>
public readonly record struct AlarmWorkItem(StationId Station, string RuleId, ParameterCode Parameter, ObservationInterval Interval, Instant Period)
{
    /// <summary>The review decision that changed the series, or null for an arriving value.</summary>
    public ReviewDecision? Review { get; init; }
}
