using EcoMonitor.Domain;
using EcoMonitor.Quality;

namespace EcoMonitor.Application.Quality;

/// <summary>The values of a window that count for evaluation, every finding in the window, and how many values were left out by which rule.</summary>
/// <param name="Valid">Values without an invalid finding, ordered as the store returned them.</param>
/// <param name="Findings">Every finding about a value of the window.</param>
/// <param name="ExcludedByRule">Rule id → values excluded (a value counts once, under its first invalidating rule).</param>
public sealed record ValidityResult(IReadOnlyList<Observation> Valid, IReadOnlyList<QualityFinding> Findings, IReadOnlyDictionary<string, int> ExcludedByRule)
{
    /// <summary>Review decisions overlapping the window, oldest first (the latest covering a value wins).</summary>
    public IReadOnlyList<ReviewDecision> Decisions { get; init; } = [];

    /// <summary>Every stored value of the window (valid or not), as the store returned them.</summary>
    public IReadOnlyList<Observation> Window { get; init; } = [];
}
