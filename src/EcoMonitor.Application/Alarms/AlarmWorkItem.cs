using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// A series value that needs a full evaluation of one rule (a hit, or a value that may clear an active alarm). Review
/// decisions are not work items: they wait in the store (<see cref="IAlarmStore.PendingReviewsAsync"/>, docs/adr/0025).
/// </summary>
/// <param name="Station">The station.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="Parameter">The series' parameter.</param>
/// <param name="Interval">The series' interval.</param>
/// <param name="Period">The period that arrived (the focus of the evaluation).</param>
public readonly record struct AlarmWorkItem(StationId Station, string RuleId, ParameterCode Parameter, ObservationInterval Interval, Instant Period);
