using NodaTime;

namespace EcoMonitor.Application.Targets;

/// <summary>A region's targets for a year with the progress of each (<see cref="TargetProgressService"/>).</summary>
/// <param name="Targets">The targets.</param>
/// <param name="ToDateLastDay">The last day counted to date (CST), or null before the year has a complete day.</param>
/// <param name="RestFirstDay">The first day of the previous year standing in for the rest of the year; null when the year is over.</param>
/// <param name="RestLastDay">The last such day (31 December of the previous year); null when the year is over.</param>
/// <param name="HasAirFigures">
/// False for a province without a city that has an air-quality station (a province's air figures are the arithmetic
/// mean of its cities' official figures); true for a city or county.
/// </param>
/// <param name="Measures">Each target set, in the order of <see cref="TargetMeasure"/>.</param>
/// <param name="Sections">The region's sections with a target class for the year, by MN.</param>
public sealed record TargetProgress(
    RegionTargets Targets,
    LocalDate? ToDateLastDay,
    LocalDate? RestFirstDay,
    LocalDate? RestLastDay,
    bool HasAirFigures,
    IReadOnlyList<TargetMeasureProgress> Measures,
    IReadOnlyList<SectionTargetProgress> Sections);
