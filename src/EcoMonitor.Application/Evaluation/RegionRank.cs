namespace EcoMonitor.Application.Evaluation;

/// <summary>One city or county in a ranking by comprehensive index (smaller is better; ties share a rank, 1, 1, 3).</summary>
/// <param name="Region">The city's or county's region code.</param>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="Index">The comprehensive index the rank is by.</param>
/// <param name="Statistics">The region's period statistics, including its index.</param>
public sealed record RegionRank(string Region, int Rank, decimal Index, AirPeriodStatistics Statistics);
