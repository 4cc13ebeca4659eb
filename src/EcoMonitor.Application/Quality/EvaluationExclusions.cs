using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>How many values the evaluation of one station-day left out, and by which rule (a value counts once, under its first invalidating rule).</summary>
/// <param name="Station">The station.</param>
/// <param name="Day">The CST day.</param>
/// <param name="ExcludedByRule">Rule id (or <c>review.invalid</c>) → values excluded.</param>
public sealed record EvaluationExclusions(StationId Station, LocalDate Day, IReadOnlyDictionary<string, int> ExcludedByRule)
{
    /// <summary>Values excluded in all.</summary>
    public int Total => ExcludedByRule.Values.Sum();
}
