using EcoMonitor.Application.Targets;

namespace EcoMonitor.Web.Api;

/// <summary>A region's targets for a year with the progress of each (docs/standards.md "Assessment targets").</summary>
/// <param name="Targets">The targets.</param>
/// <param name="ToDateLastDay">Last day counted to date (yyyy-MM-dd, CST), from 1 January; null before the year's first complete day.</param>
/// <param name="RestFrom">First day of the previous year standing in for the rest of the year; null once the year is over.</param>
/// <param name="RestTo">Last such day; null once the year is over.</param>
/// <param name="HasAirFigures">False for a province without a city that has an air-quality station; true for a city or county.</param>
/// <param name="Measures">Each target set: measure, target, value to date, projection to 31 December, on track.</param>
/// <param name="Sections">Sections of the region with a target class: target, class to date, projected class, on track.</param>
public sealed record TargetProgressDto(
    TargetDto Targets, string? ToDateLastDay, string? RestFrom, string? RestTo, bool HasAirFigures,
    IReadOnlyList<TargetMeasureDto> Measures, IReadOnlyList<SectionTargetDto> Sections)
{
    /// <summary>Maps the progress.</summary>
    public static TargetProgressDto From(TargetProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            TargetDto.From(p.Targets), p.ToDateLastDay is { } d ? ApiTime.FormatDate(d) : null, p.RestFirstDay is { } f ? ApiTime.FormatDate(f) : null,
            p.RestLastDay is { } l ? ApiTime.FormatDate(l) : null, p.HasAirFigures,
            [.. p.Measures.Select(m => new TargetMeasureDto(TargetMeasureDto.NameOf(m.Measure), m.Target, m.ToDate, m.Projection, m.IsOnTrack))],
            [.. p.Sections.Select(s => new SectionTargetDto(s.Section.Value, s.Name, s.TargetClass, s.IsYearTarget, s.ClassToDate, s.ProjectedClass, s.IsOnTrack))]);
    }
}
