using EcoMonitor.Application.Evaluation;

namespace EcoMonitor.Web.Api;

/// <summary>A city's place in a ranking (ties share a rank: 1, 1, 3), with the numbers it was ranked by.</summary>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="City">The city's region code.</param>
/// <param name="ComprehensiveIndex">综合指数, 2 decimals; null when an item lacks a value (possible when ranked by another measure).</param>
/// <param name="Statistics">The city's statistics for the period.</param>
/// <param name="By">The measure (index, improvement, goodDays, pm25, pm10, so2, no2, co, o3).</param>
/// <param name="Value">The measure's value this period (improvement: the index) — index, % or µg/m³ (CO mg/m³).</param>
/// <param name="LastYear">The same value for the same period of the previous year; null without one.</param>
/// <param name="Change">Against last year: change rate in % (1 decimal) for the index and the pollutants, percentage points for goodDays; the improvement ranking is by it.</param>
public sealed record CityRankDto(
    int Rank, string City, decimal? ComprehensiveIndex, AirStatisticsDto Statistics, string By, decimal Value, decimal? LastYear, decimal? Change)
{
    /// <summary>Maps one ranked city.</summary>
    public static CityRankDto From(RegionRank r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Rank, r.Region, r.Index, AirStatisticsDto.From(r.Statistics), RankingMeasures.Name(r.Measure), r.Current, r.LastYear, r.Change);
    }
}
