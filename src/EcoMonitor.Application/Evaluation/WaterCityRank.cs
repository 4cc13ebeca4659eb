namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// One city in the surface-water ranking of 城市地表水环境质量排名技术规定（试行）: its CWQI for the period and the same
/// period of the previous year, the change, and the share of its sections meeting their target class.
/// </summary>
/// <param name="City">The city's region code.</param>
/// <param name="Rank">Rank, 1 = best (by <see cref="Cwqi"/> ascending, or by <see cref="Change"/> for the improvement).</param>
/// <param name="Cwqi">City CWQI, 4 decimals (GB/T 8170).</param>
/// <param name="LastYear">City CWQI of the same period last year; null without section days then.</param>
/// <param name="Change">(CWQI − last year) / last year × 100 %, 1 decimal; null without last year.</param>
/// <param name="Sections">Sections with days in the period.</param>
/// <param name="SectionsWithTarget">Of them, those with a target class in the registry.</param>
/// <param name="SectionsMeetingTarget">Of those, the ones whose period class is the target class or better.</param>
public sealed record WaterCityRank(
    string City, int Rank, decimal Cwqi, decimal? LastYear, decimal? Change, int Sections, int SectionsWithTarget, int SectionsMeetingTarget)
{
    /// <summary>Sections meeting their target / sections with a target × 100 %, 1 decimal; null without targets.</summary>
    public decimal? TargetShare => SectionsWithTarget > 0
        ? Standards.Rounding.GbT8170.Round(SectionsMeetingTarget * 100m / SectionsWithTarget, 1)
        : null;
}
