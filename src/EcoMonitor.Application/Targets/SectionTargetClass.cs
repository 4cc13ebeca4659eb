using EcoMonitor.Domain;

namespace EcoMonitor.Application.Targets;

/// <summary>A surface-water section's target class for a year (水质目标): 1..5 for GB 3838-2002 classes I..V.</summary>
/// <param name="Section">The section's MN.</param>
/// <param name="Class">The class to meet or better, 1..5.</param>
public readonly record struct SectionTargetClass(StationId Section, int Class);
