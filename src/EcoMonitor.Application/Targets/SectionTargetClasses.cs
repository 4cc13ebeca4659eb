using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Targets;

/// <summary>
/// A section's target class for a year (ADR 0040 decision 1): the class listed by the most specific region's targets of
/// that year that contain the section (county, then city, then province), else the registry's. Thread-safe.
/// </summary>
public sealed class SectionTargetClasses(ITargetStore targets, IStationStore stations) : ISectionTargetClasses
{
    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<StationId, int>> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        IReadOnlyList<RegionTargets> all = await targets.ListAsync(year, null, cancellationToken);
        var classes = new Dictionary<StationId, int>();
        if (all.All(t => t.SectionClasses.Count == 0))
        {
            return classes;
        }

        foreach (Station section in await stations.ListAsync(cancellationToken))
        {
            if (section.Type == StationType.SurfaceWater && Of(section, all) is (int listed, true))
            {
                classes[section.Id] = listed;
            }
        }

        return classes;
    }

    /// <summary>The class of <paramref name="section"/> under a year's targets <paramref name="year"/>, and whether a target (not the registry) set it; null without either.</summary>
    public static (int Class, bool IsYear)? Of(Station section, IReadOnlyList<RegionTargets> year)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(year);
        foreach (RegionTargets t in year.Where(t => t.Region.Contains(section.Region)).OrderByDescending(t => t.Region.Prefix.Length))
        {
            foreach (SectionTargetClass listed in t.SectionClasses)
            {
                if (listed.Section == section.Id)
                {
                    return (listed.Class, true);
                }
            }
        }

        return section.WaterTargetClass is { } registered ? (registered, false) : null;
    }
}
