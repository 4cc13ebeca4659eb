using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

/// <summary>
/// The falsification suspicion (打假) of one pollution-source outlet for one CST day: the signs found, each with its
/// evidence, and their score (the sum of the signs' weights, at most 100). A score of 0 means the day was examined and
/// no sign was found. A sign is a reason to look, not a verdict.
/// </summary>
public sealed record OutletSuspicion
{
    /// <summary>The outlet (MN).</summary>
    public required StationId Station { get; init; }

    /// <summary>The CST day.</summary>
    public required LocalDate Day { get; init; }

    /// <summary>0 (nothing found) to 100.</summary>
    public required int Score { get; init; }

    /// <summary>The signs found, highest weight first.</summary>
    public required IReadOnlyList<SuspicionSign> Signs { get; init; }

    /// <summary>Values (flag N) examined.</summary>
    public required int ValuesExamined { get; init; }

    /// <summary>Frames examined for timing signs.</summary>
    public int FramesExamined { get; init; }

    /// <summary>When the day was scored.</summary>
    public required Instant ComputedAt { get; init; }
}
