using EcoMonitor.Domain;
using EcoMonitor.Standards.Water;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// A surface-water section over a period, as every water figure of the platform takes it: the period mean of each item
/// (the mean of its stored daily means), the section class of those means (地表水环境质量评价办法（试行）二(一)) and the
/// section CWQI (城市地表水环境质量排名技术规定). Built by <see cref="Of"/>, used by the city ranking, the basin and river
/// ratings, the lake trophic states and the monthly water report alike.
/// </summary>
/// <param name="Station">The section.</param>
/// <param name="Means">Period mean of every item the section measured (Table 1, Table 2, chlorophyll a, transparency).</param>
/// <param name="Sample">The GB 3838-2002 Table 1 items of <paramref name="Means"/>.</param>
/// <param name="Body">How the standard evaluates the section's water body.</param>
/// <param name="Assessment">Class, exceedance multiples and main pollutants of <paramref name="Sample"/>.</param>
/// <param name="Cwqi">Section CWQI of <paramref name="Sample"/>, unrounded.</param>
/// <param name="TargetClass">
/// The class the section must reach in the period (1..5 = I..V): the one set for the year by the targets (ADR 0040) when
/// the period lies in one year and a target sets it, else the registry's <see cref="Station.WaterTargetClass"/>; null without either.
/// </param>
public sealed record WaterSectionPeriod(
    Station Station,
    IReadOnlyDictionary<ParameterCode, decimal> Means,
    IReadOnlyDictionary<SurfaceWaterItem, decimal> Sample,
    WaterBody Body,
    SectionAssessment Assessment,
    decimal Cwqi,
    int? TargetClass)
{
    /// <summary>True when the period class is the target class or better; null without a target.</summary>
    public bool? MeetsTarget => TargetClass is { } target ? (int)Assessment.Class <= target : null;

    /// <summary>
    /// The sections of <paramref name="days"/> that are in <paramref name="sections"/> and have a class: per section and
    /// item the mean of the daily means. Sections without an evaluated item are left out. Ordered by station id.
    /// <paramref name="yearClasses"/> are the target classes set for the period's year (empty when it spans years).
    /// </summary>
    public static IReadOnlyList<WaterSectionPeriod> Of(
        IReadOnlyList<WaterDayRecord> days, IReadOnlyDictionary<StationId, Station> sections, IReadOnlyDictionary<StationId, int> yearClasses)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(yearClasses);
        List<WaterSectionPeriod> result = [];
        foreach (IGrouping<StationId, WaterDayRecord> section in days.GroupBy(d => d.Station).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
        {
            if (!sections.TryGetValue(section.Key, out Station? station))
            {
                continue;
            }

            var means = section.SelectMany(d => d.Means)
                .GroupBy(m => m.Parameter).ToDictionary(g => g.Key, g => g.Average(m => m.Mean));
            Dictionary<SurfaceWaterItem, decimal> sample = WaterParameters.Sample(means.Select(m => (m.Key, m.Value)));
            WaterBody body = WaterParameters.BodyOf(station);
            if (sample.Count == 0 || SectionEvaluator.Evaluate(sample, body) is not { } assessment)
            {
                continue;
            }

            int? target = yearClasses.TryGetValue(station.Id, out int listed) ? listed : station.WaterTargetClass;
            result.Add(new WaterSectionPeriod(station, means, sample, body, assessment, Standards.Water.Cwqi.Section(sample, body), target));
        }

        return result;
    }

    /// <summary>The target classes set for the year of a period from <paramref name="firstDay"/> to <paramref name="lastDay"/>; none when it spans years.</summary>
    public static async Task<IReadOnlyDictionary<StationId, int>> YearClassesAsync(
        ISectionTargetClasses classes, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return firstDay.Year == lastDay.Year ? await classes.ForYearAsync(firstDay.Year, cancellationToken) : new Dictionary<StationId, int>();
    }
}
