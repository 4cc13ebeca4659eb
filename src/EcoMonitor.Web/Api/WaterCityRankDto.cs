using EcoMonitor.Application.Evaluation;

namespace EcoMonitor.Web.Api;

/// <summary>A city's place in the surface-water ranking (城市地表水环境质量排名技术规定; ties share a rank: 1, 1, 3).</summary>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="City">The city's region code.</param>
/// <param name="Cwqi">City CWQI of the period (mean of its sections' CWQI), 4 decimals; smaller is better.</param>
/// <param name="LastYear">City CWQI of the same period last year; null without section days then.</param>
/// <param name="Change">Change rate against last year, %, 1 decimal; the improvement ranking is by it.</param>
/// <param name="Sections">Sections with days in the period.</param>
/// <param name="SectionsWithTarget">Of them, those with a registered target class.</param>
/// <param name="SectionsMeetingTarget">Of those, the ones whose period class is the target or better.</param>
/// <param name="TargetShare">Sections meeting their target class, % of those with one, 1 decimal; null without targets.</param>
public sealed record WaterCityRankDto(
    int Rank, string City, decimal Cwqi, decimal? LastYear, decimal? Change, int Sections, int SectionsWithTarget, int SectionsMeetingTarget, decimal? TargetShare)
{
    /// <summary>Maps one ranked city.</summary>
    public static WaterCityRankDto From(WaterCityRank r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Rank, r.City, r.Cwqi, r.LastYear, r.Change, r.Sections, r.SectionsWithTarget, r.SectionsMeetingTarget, r.TargetShare);
    }
}
