using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;

namespace EcoMonitor.Web.Api;

/// <summary>A county's place in a ranking (ties share a rank: 1, 1, 3), with the numbers it was ranked by.</summary>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="County">The county's region code.</param>
/// <param name="City">The code of the city it belongs to.</param>
/// <param name="ComprehensiveIndex">综合指数, 2 decimals; null when an item lacks a value (possible when ranked by another measure).</param>
/// <param name="Statistics">The county's statistics for the period.</param>
/// <param name="By">The measure (index, improvement, goodDays, pm25, pm10, so2, no2, co, o3).</param>
/// <param name="Value">The measure's value this period (improvement: the index).</param>
/// <param name="LastYear">The same value for the same period of the previous year; null without one.</param>
/// <param name="Change">Against last year: change rate in % for the index and the pollutants, percentage points for goodDays.</param>
public sealed record CountyRankDto(
    int Rank, string County, string City, decimal? ComprehensiveIndex, AirStatisticsDto Statistics, string By, decimal Value, decimal? LastYear, decimal? Change)
{
    /// <summary>Maps one ranked county.</summary>
    public static CountyRankDto From(RegionRank r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Rank, r.Region, RegionCode.Parse(r.Region).Prefecture.Value, r.Index, AirStatisticsDto.From(r.Statistics),
            RankingMeasures.Name(r.Measure), r.Current, r.LastYear, r.Change);
    }
}
