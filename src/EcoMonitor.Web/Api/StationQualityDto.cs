namespace EcoMonitor.Web.Api;

/// <summary>A station's quality findings in a time range and what its evaluations left out.</summary>
/// <param name="Station">The MN.</param>
/// <param name="Findings">Findings, by period start, parameter, rule.</param>
/// <param name="Exclusions">Days of the range whose air-quality evaluation left values out.</param>
public sealed record StationQualityDto(string Station, QualityFindingDto[] Findings, ExclusionDto[] Exclusions);
