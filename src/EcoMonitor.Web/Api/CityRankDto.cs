using EcoMonitor.Application.Evaluation;

namespace EcoMonitor.Web.Api;

/// <summary>A city's place in the ranking by comprehensive index (smaller is better; ties share a rank: 1, 1, 3).</summary>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="City">The city's region code.</param>
/// <param name="ComprehensiveIndex">综合指数, 2 decimals.</param>
/// <param name="Statistics">The city's statistics for the period.</param>
public sealed record CityRankDto(int Rank, string City, decimal ComprehensiveIndex, AirStatisticsDto Statistics)
{
    /// <summary>Maps one ranked city.</summary>
    public static CityRankDto From(RegionRank r) =>
        new(r.Rank, r.Region, r.Index, AirStatisticsDto.From(r.Statistics));
}
