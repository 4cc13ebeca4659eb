using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Rounding;
using EcoMonitor.Standards.Water;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Basin and river ratings and lake trophic states for a period from the stored section days, with the same section
/// period figures as the city ranking (<see cref="WaterSectionPeriod"/>): sections grouped by their registered basin
/// (<see cref="Station.Basin"/>) or river (<see cref="Station.WaterBodyName"/>) and rated per 地表水环境质量评价办法（试行）
/// 二(二); lakes and reservoirs by name with the trophic level index of 附. Computed on each call. Thread-safe.
/// </summary>
public sealed class WaterBodyAssessmentService(IEvaluationStore store, IStationStore stations, ISectionTargetClasses targetClasses)
{
    private static readonly (string Name, SurfaceWaterItem? Item)[] TrophicItems =
        [("chla", null), ("TP", SurfaceWaterItem.TP), ("TN", SurfaceWaterItem.TN), ("SD", null), ("CODMn", SurfaceWaterItem.CODMn)];

    /// <summary>The surface-water sections (within <paramref name="within"/> when given) with a class in the period, by id.</summary>
    public async Task<IReadOnlyList<WaterSectionPeriod>> SectionsAsync(LocalDate firstDay, LocalDate lastDay, RegionCode? within, CancellationToken cancellationToken)
    {
        var sections = (await stations.ListAsync(cancellationToken))
            .Where(s => s.Type == StationType.SurfaceWater && (within is not { } region || region.Contains(s.Region)))
            .ToDictionary(s => s.Id);
        return WaterSectionPeriod.Of(
            await store.QueryWaterDaysAsync(null, firstDay, lastDay, cancellationToken), sections,
            await WaterSectionPeriod.YearClassesAsync(targetClasses, firstDay, lastDay, cancellationToken));
    }

    /// <summary>The basins or rivers of the sections (within <paramref name="within"/>) rated for the period.</summary>
    public async Task<IReadOnlyList<WaterBodyRating>> RateAsync(
        LocalDate firstDay, LocalDate lastDay, WaterBodyGrouping by, RegionCode? within, CancellationToken cancellationToken) =>
        Rate(await SectionsAsync(firstDay, lastDay, within, cancellationToken), by);

    /// <summary>The lakes and reservoirs of the sections (within <paramref name="within"/>) for the period.</summary>
    public async Task<IReadOnlyList<LakeTrophicState>> LakesAsync(LocalDate firstDay, LocalDate lastDay, RegionCode? within, CancellationToken cancellationToken) =>
        Lakes(await SectionsAsync(firstDay, lastDay, within, cancellationToken));

    /// <summary>
    /// Rates the basins or rivers of <paramref name="sections"/>: best first (share of I–III descending, then share of
    /// 劣V ascending, then name). Sections without a registered basin (river name) are left out.
    /// </summary>
    public static IReadOnlyList<WaterBodyRating> Rate(IReadOnlyList<WaterSectionPeriod> sections, WaterBodyGrouping by)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return
        [
            .. sections
                .Select(s => (Key: by == WaterBodyGrouping.Basin ? s.Station.Basin : s.Body == WaterBody.River ? s.Station.WaterBodyName : null, Section: s))
                .Where(s => s.Key is not null)
                .GroupBy(s => s.Key!, s => s.Section, StringComparer.Ordinal)
                .Select(g => RateOne(g.Key, [.. g]))
                .OrderByDescending(r => r.GoodShare).ThenBy(r => r.WorstShare).ThenBy(r => r.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>The lakes and reservoirs of <paramref name="sections"/> by name, ordered by TLI (none last), then name.</summary>
    public static IReadOnlyList<LakeTrophicState> Lakes(IReadOnlyList<WaterSectionPeriod> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return
        [
            .. sections
                .Where(s => s.Body == WaterBody.Lake)
                .GroupBy(s => s.Station.WaterBodyName ?? s.Station.Name, StringComparer.Ordinal)
                .Select(g => Lake(g.Key, [.. g]))
                .OrderBy(l => l.Tli is null).ThenBy(l => l.Tli).ThenBy(l => l.Name, StringComparer.Ordinal),
        ];
    }

    private static WaterBodyRating RateOne(string name, IReadOnlyList<WaterSectionPeriod> sections)
    {
        int[] counts = new int[6];
        foreach (WaterSectionPeriod section in sections)
        {
            counts[(int)section.Assessment.Class - 1]++;
        }

        IReadOnlyList<ItemExceedance> exceedances = WaterBodyExceedances.Of([.. sections.Select(s => s.Assessment)]);
        if (sections.Count >= BasinRating.MinSectionsForShares)
        {
            string rating = BasinRating.Rate([.. sections.Select(s => s.Assessment.Class)])!;
            return new WaterBodyRating(name, sections.Count, counts, true, null, rating, exceedances, WaterBodyExceedances.MainItems(exceedances, rating));
        }

        WaterBody body = sections.All(s => s.Body == WaterBody.Lake) ? WaterBody.Lake : WaterBody.River;
        SectionAssessment mean = SectionEvaluator.Evaluate(MeanSample(sections), body)!;
        return new WaterBodyRating(name, sections.Count, counts, false, mean.Class, mean.Quality, exceedances, mean.MainPollutants);
    }

    private static LakeTrophicState Lake(string name, IReadOnlyList<WaterSectionPeriod> sections)
    {
        decimal? Mean(ParameterCode code)
        {
            decimal[] values = [.. sections.Where(s => s.Means.ContainsKey(code)).Select(s => s.Means[code])];
            return values.Length == 0 ? null : values.Average();
        }

        Dictionary<SurfaceWaterItem, decimal> sample = MeanSample(sections);
        decimal?[] items =
        [
            Mean(WaterParameters.Chlorophyll), sample.TryGetValue(SurfaceWaterItem.TP, out decimal tp) ? tp : null,
            sample.TryGetValue(SurfaceWaterItem.TN, out decimal tn) ? tn : null, Mean(WaterParameters.Transparency),
            sample.TryGetValue(SurfaceWaterItem.CODMn, out decimal codMn) ? codMn : null,
        ];
        string[] missing = [.. TrophicItems.Where((_, i) => items[i] is not > 0m).Select(t => t.Name)];
        decimal? tli = missing.Length == 0
            ? GbT8170.Round((decimal)TrophicLevelIndex.Compute((double)items[0]!, (double)items[1]!, (double)items[2]!, (double)items[3]!, (double)items[4]!), 1)
            : null;
        SectionAssessment assessment = SectionEvaluator.Evaluate(sample, WaterBody.Lake)!;
        WaterBodyType bodyType = sections[0].Station.WaterBody ?? WaterBodyType.Lake;
        return new LakeTrophicState(
            name, bodyType, sections.Count, items[0], items[1], items[2], items[3], items[4], tli,
            tli is { } value ? TrophicLevelIndex.State((double)value) : null, missing, assessment.Class,
            assessment.Separate.TryGetValue(SurfaceWaterItem.TN, out WaterClass tnClass) ? tnClass : null);
    }

    /// <summary>Per GB 3838-2002 item the mean over the sections that measured it (办法 二(二): fewer than five sections).</summary>
    private static Dictionary<SurfaceWaterItem, decimal> MeanSample(IReadOnlyList<WaterSectionPeriod> sections) =>
        sections.SelectMany(s => s.Sample).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Average(p => p.Value));
}
