using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;

namespace EcoMonitor.Web.Api;

/// <summary>A county's place in the ranking by comprehensive index (smaller is better; ties share a rank: 1, 1, 3).</summary>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="County">The county's region code.</param>
/// <param name="City">The code of the city it belongs to.</param>
/// <param name="ComprehensiveIndex">综合指数, 2 decimals.</param>
/// <param name="Statistics">The county's statistics for the period.</param>
public sealed record CountyRankDto(int Rank, string County, string City, decimal ComprehensiveIndex, AirStatisticsDto Statistics)
{
    /// <summary>Maps one ranked county.</summary>
    public static CountyRankDto From(RegionRank r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Rank, r.Region, RegionCode.Parse(r.Region).Prefecture.Value, r.Index, AirStatisticsDto.From(r.Statistics));
    }
}
