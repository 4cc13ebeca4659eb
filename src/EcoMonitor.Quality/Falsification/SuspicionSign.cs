namespace EcoMonitor.Quality;

/// <summary>One falsification sign found on an outlet's day, its weight in the day's score and its evidence.</summary>
/// <param name="Sign">The sign id (<see cref="FalsificationSignIds"/>).</param>
/// <param name="Weight">Points the sign adds to the day's score (configured per sign).</param>
/// <param name="Summary">One sentence saying what was found.</param>
/// <param name="Evidence">The times, values and counts behind it (at most <see cref="FalsificationRules.MaxEvidence"/> items).</param>
public sealed record SuspicionSign(string Sign, int Weight, string Summary, IReadOnlyList<SuspicionEvidence> Evidence);
