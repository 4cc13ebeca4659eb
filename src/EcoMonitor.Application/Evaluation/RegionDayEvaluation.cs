using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// A region's evaluation of one day, to replace what the store held for that subject and day
/// (<see cref="IEvaluationStore.ReplaceRegionDaysAsync"/>).
/// </summary>
/// <param name="Subject">The city or county, official or in one network.</param>
/// <param name="Day">The CST day.</param>
/// <param name="Hours">The subject's hours of the day (those outside it are refused by the store).</param>
/// <param name="Daily">The subject's day; null when the subject has no station that day (its stored results are removed).</param>
public sealed record RegionDayEvaluation(EvaluationSubject Subject, LocalDate Day, IReadOnlyList<HourlyAqiRecord> Hours, DailyAqiRecord? Daily);
