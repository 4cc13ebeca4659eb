namespace EcoMonitor.Web.Api;

/// <summary>A surface-water section and its latest daily class.</summary>
/// <param name="Station">The section as registered.</param>
/// <param name="Latest">Its latest stored day (within a year), or null.</param>
public sealed record WaterSectionDto(StationDto Station, WaterAssessmentDto? Latest);
