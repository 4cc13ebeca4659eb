using EcoMonitor.Domain;

namespace EcoMonitor.Application.Targets;

/// <summary>A surface-water section of the region with a target class for the year, its class to date and projected.</summary>
/// <param name="Section">The section's MN.</param>
/// <param name="Name">The section's name.</param>
/// <param name="TargetClass">The class to meet (1..5): the year's target when set, else the registry's.</param>
/// <param name="IsYearTarget">True when <paramref name="TargetClass"/> comes from the year's targets, false from the registry.</param>
/// <param name="ClassToDate">GB 3838 class (1..6, 6 = worse than V) of the year's days to date; null without data.</param>
/// <param name="ProjectedClass">The class of the days to date and last year's rest of the year; null without data.</param>
/// <param name="IsOnTrack">The projected class is the target class or better; null without a projection.</param>
public sealed record SectionTargetProgress(
    StationId Section, string Name, int TargetClass, bool IsYearTarget, int? ClassToDate, int? ProjectedClass, bool? IsOnTrack);
