namespace EcoMonitor.Web.Api;

/// <summary>How many values the evaluation of one station-day left out, and why.</summary>
/// <param name="Day">The CST day, yyyy-MM-dd.</param>
/// <param name="Excluded">Values left out.</param>
/// <param name="ByRule">Rule id → values left out by it.</param>
public sealed record ExclusionDto(string Day, int Excluded, IReadOnlyDictionary<string, int> ByRule);
