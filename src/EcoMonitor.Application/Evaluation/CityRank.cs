namespace EcoMonitor.Application.Evaluation;

/// <summary>One city in a ranking by comprehensive index (smaller is better; ties share a rank, 1, 1, 3).</summary>
/// <param name="City">The city's region code.</param>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="Index">The comprehensive index the rank is by.</param>
/// <param name="Statistics">The city's period statistics, including its index.</param>
public sealed record CityRank(string City, int Rank, decimal Index, AirPeriodStatistics Statistics);
