namespace EcoMonitor.Web.Api;

/// <summary>A surface-water section's target class for the year and its progress.</summary>
/// <param name="Mn">The section's MN.</param>
/// <param name="Name">The section's name.</param>
/// <param name="TargetClass">The class to meet (1..5 = I..V).</param>
/// <param name="YearTarget">True when the class comes from the year's targets (it overrides the registry's), false from the registry.</param>
/// <param name="ClassToDate">GB 3838 class (1..6, 6 = 劣V) of the year's days to date; null without data.</param>
/// <param name="ProjectedClass">Class projected to the year end; null without data.</param>
/// <param name="OnTrack">The projected class meets the target; null without a projection.</param>
public sealed record SectionTargetDto(string Mn, string Name, int TargetClass, bool YearTarget, int? ClassToDate, int? ProjectedClass, bool? OnTrack);
