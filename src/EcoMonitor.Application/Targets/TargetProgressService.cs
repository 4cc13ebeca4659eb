using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;
using EcoMonitor.Standards.Rounding;
using EcoMonitor.Standards.Water;
using NodaTime;

namespace EcoMonitor.Application.Targets;

/// <summary>
/// Progress of a region's targets for a year (docs/standards.md "Assessment targets", ADR 0040). To date: 1 January to the last
/// complete day (yesterday, CST; the whole year once it is over), from the services the API serves — the official air
/// statistics of the city or county (<see cref="AirStatisticsService"/>, ADR 0037) — for a province the arithmetic mean of
/// its cities' figures (全省平均, each computed as for a city, 1 decimal) — and the stored section days
/// (classified as <see cref="WaterRankingService"/> does). Projection: the rest of the year is assumed to repeat the same
/// days of the previous year; where those have no data the value to date stands. PM2.5: the mean of the to-date mean and
/// last year's rest-of-year mean weighted by their valid days, rounded like the statistic; good-day ratio: good days over
/// valid days of both parts; heavy-pollution days (AQI &gt; 200): the sum; a section's class: GB 3838 on the means of the
/// days of both parts. Computed on each call. Thread-safe.
/// </summary>
public sealed class TargetProgressService(
    ITargetStore targets, AirStatisticsService statistics, IEvaluationStore evaluations, IStationStore stations, TimeProvider time)
{
    /// <summary>The progress of <paramref name="region"/>'s targets for <paramref name="year"/>; null when it has none.</summary>
    public async Task<TargetProgress?> GetAsync(RegionCode region, int year, CancellationToken cancellationToken)
    {
        IReadOnlyList<RegionTargets> inProvince = await targets.ListAsync(year, region.Province.Prefix, cancellationToken);
        if (inProvince.FirstOrDefault(t => t.Region == region) is not { } own)
        {
            return null;
        }

        LocalDate first = new(year, 1, 1), last = new(year, 12, 31);
        LocalDate today = ChinaTime.ToLocal(Instant.FromDateTimeOffset(time.GetUtcNow())).Date;
        LocalDate toDateLast = today.PlusDays(-1) < last ? today.PlusDays(-1) : last;
        bool hasToDate = toDateLast >= first;
        bool hasRest = toDateLast < last;
        LocalDate restFirst = (hasToDate ? toDateLast.PlusDays(1) : first).PlusYears(-1), restLast = last.PlusYears(-1);

        var measures = new List<TargetMeasureProgress>();
        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        IReadOnlyList<EvaluationSubject> airSubjects = AirSubjects(region, all);
        bool hasAir = airSubjects.Count > 0;
        if (own.Pm25 is not null || own.GoodDayRatio is not null || own.HeavyPollutionDays is not null)
        {
            await AddAirAsync(own, region, airSubjects, hasToDate ? (first, toDateLast) : null, hasRest ? (restFirst, restLast) : null, measures, cancellationToken);
        }

        IReadOnlyList<Station> sections = [.. all
            .Where(s => s.Type == StationType.SurfaceWater && region.Contains(s.Region)).OrderBy(s => s.Id.Value, StringComparer.Ordinal)];
        Dictionary<StationId, List<WaterDayRecord>> toDate = await WaterDaysAsync(hasToDate ? (first, toDateLast) : null, cancellationToken);
        Dictionary<StationId, List<WaterDayRecord>> rest = await WaterDaysAsync(hasRest ? (restFirst, restLast) : null, cancellationToken);
        var classes = sections.ToDictionary(
            s => s.Id, s => (Now: ClassOf(s, toDate.GetValueOrDefault(s.Id)), Projected: ClassOf(s, [.. toDate.GetValueOrDefault(s.Id) ?? [], .. rest.GetValueOrDefault(s.Id) ?? []])));
        if (own.GoodWaterShare is { } share)
        {
            decimal? now = GoodShare(classes.Values.Select(c => c.Now)), projected = GoodShare(classes.Values.Select(c => c.Projected));
            measures.Add(new(TargetMeasure.GoodWaterShare, share, now, projected, projected is { } p ? p >= share : null));
        }

        var sectionRows = new List<SectionTargetProgress>();
        foreach (Station section in sections)
        {
            (int Class, bool IsYear)? target = SectionTargetClasses.Of(section, inProvince);
            if (target is { } t)
            {
                (int? now, int? projected) = classes[section.Id];
                sectionRows.Add(new(section.Id, section.Name, t.Class, t.IsYear, now, projected, projected is { } p ? p <= t.Class : null));
            }
        }

        return new TargetProgress(
            own, hasToDate ? toDateLast : null, hasRest ? restFirst : null, hasRest ? restLast : null, hasAir,
            [.. measures.OrderBy(m => m.Measure)], sectionRows);
    }

    private async Task AddAirAsync(
        RegionTargets own, RegionCode region, IReadOnlyList<EvaluationSubject> subjects, (LocalDate First, LocalDate Last)? toDate, (LocalDate First, LocalDate Last)? rest,
        List<TargetMeasureProgress> measures, CancellationToken cancellationToken)
    {
        var each = new List<AirFigures>(subjects.Count);
        foreach (EvaluationSubject subject in subjects)
        {
            each.Add(await FiguresAsync(subject, toDate, rest, cancellationToken));
        }

        // A city or county: its own figures; a province: the arithmetic mean of its cities' (全省平均).
        AirFigures figures = region.Province != region ? each[0] : new AirFigures(
            Mean(each.Select(f => f.Pm25)), Mean(each.Select(f => f.Pm25Projected)), Mean(each.Select(f => f.Good)),
            Mean(each.Select(f => f.GoodProjected)), Mean(each.Select(f => f.Heavy)), Mean(each.Select(f => f.HeavyProjected)));
        if (own.Pm25 is { } pm25)
        {
            measures.Add(new(TargetMeasure.Pm25, pm25, figures.Pm25, figures.Pm25Projected, figures.Pm25Projected is { } p ? p <= pm25 : null));
        }

        if (own.GoodDayRatio is { } ratio)
        {
            measures.Add(new(TargetMeasure.GoodDayRatio, ratio, figures.Good, figures.GoodProjected, figures.GoodProjected is { } p ? p >= ratio : null));
        }

        if (own.HeavyPollutionDays is { } heavy)
        {
            measures.Add(new(TargetMeasure.HeavyPollutionDays, heavy, figures.Heavy, figures.HeavyProjected, figures.HeavyProjected is { } p ? p <= heavy : null));
        }
    }

    /// <summary>The official figures of one city or county to date and projected (null without data).</summary>
    private async Task<AirFigures> FiguresAsync(
        EvaluationSubject subject, (LocalDate First, LocalDate Last)? toDate, (LocalDate First, LocalDate Last)? rest, CancellationToken cancellationToken)
    {
        AirPeriodStatistics? now = toDate is { } a ? await statistics.GetAsync(subject, a.First, a.Last, cancellationToken) : null;
        AirPeriodStatistics? before = rest is { } b ? await statistics.GetAsync(subject, b.First, b.Last, cancellationToken) : null;
        decimal? pm25 = Combine(now, before, s => Pm25(s) is { } mean ? (mean, s.Items[(int)AirPollutant.Pm25].ValidDays) : null,
            (x, y) => GbT8170.Round(((x.Value * x.Weight) + (y.Value * y.Weight)) / (x.Weight + y.Weight), AirPollutantFacts.Decimals(AirPollutant.Pm25)));
        decimal? good = Combine(now, before, s => s.Days.ValidDays > 0 ? (Good(s), s.Days.ValidDays) : null,
            (x, y) => GbT8170.Round((x.Value + y.Value) * 100m / (x.Weight + y.Weight), 1));
        decimal? heavy = Combine(now, before, s => s.Days.ValidDays > 0 ? (Heavy(s), 1) : null, (x, y) => x.Value + y.Value);
        return new AirFigures(Pm25(now), pm25, now?.Days.GoodDayShare, good, now is { Days.ValidDays: > 0 } ? Heavy(now) : null, heavy);
    }

    /// <summary>The arithmetic mean of the values present (全省平均), 1 decimal (GB/T 8170); null when none is.</summary>
    private static decimal? Mean(IEnumerable<decimal?> values)
    {
        decimal[] present = [.. values.Where(v => v is not null).Select(v => v!.Value)];
        return present.Length > 0 ? GbT8170.Round(present.Average(), 1) : null;
    }

    /// <summary>Air figures of a region: to date and projected.</summary>
    private readonly record struct AirFigures(
        decimal? Pm25, decimal? Pm25Projected, decimal? Good, decimal? GoodProjected, decimal? Heavy, decimal? HeavyProjected);

    /// <summary>
    /// Whose official air figures make the region's: a city or county its own; a province its prefecture-level cities
    /// with an air-quality station in the registry (as the annual report's units, ordered by code).
    /// </summary>
    private static IReadOnlyList<EvaluationSubject> AirSubjects(RegionCode region, IReadOnlyList<Station> all) =>
        region.Province != region
            ? [region.Prefecture == region ? EvaluationSubject.Of(region) : EvaluationSubject.OfCounty(region)]
            : [.. all.Where(s => s.Type == StationType.AirQuality && region.Contains(s.Region)).Select(s => s.Region.Prefecture)
                .Distinct().OrderBy(c => c.Value, StringComparer.Ordinal).Select(EvaluationSubject.Of)];

    /// <summary>
    /// The projection from the part to date and last year's rest: both parts combined when both have data, otherwise the
    /// part that has (the value to date stands; before the year's first day, last year's rest alone).
    /// For a part, <paramref name="part"/> gives the value as used in the combination and its weight.
    /// </summary>
    private static decimal? Combine(
        AirPeriodStatistics? now, AirPeriodStatistics? rest, Func<AirPeriodStatistics, (decimal Value, int Weight)?> part,
        Func<(decimal Value, int Weight), (decimal Value, int Weight), decimal> both)
    {
        (decimal Value, int Weight)? a = now is null ? null : part(now), b = rest is null ? null : part(rest);
        return (a, b) switch
        {
            ({ } x, { } y) => both(x, y),
            ({ } x, null) => both(x, (0m, 0)),
            (null, { } y) => both((0m, 0), y),
            _ => null,
        };
    }

    private static decimal? Pm25(AirPeriodStatistics? s) => s?.Items[(int)AirPollutant.Pm25].Mean;

    private static decimal Good(AirPeriodStatistics s) => s.Days.DaysByLevel[0] + s.Days.DaysByLevel[1];

    private static decimal Heavy(AirPeriodStatistics s) => s.Days.DaysByLevel[4] + s.Days.DaysByLevel[5];

    private async Task<Dictionary<StationId, List<WaterDayRecord>>> WaterDaysAsync((LocalDate First, LocalDate Last)? range, CancellationToken cancellationToken) =>
        range is { } r
            ? (await evaluations.QueryWaterDaysAsync(null, r.First, r.Last, cancellationToken)).GroupBy(d => d.Station).ToDictionary(g => g.Key, g => g.ToList())
            : [];

    /// <summary>The GB 3838 class of the means of <paramref name="days"/> (the mean of daily means per item), or null.</summary>
    private static int? ClassOf(Station section, List<WaterDayRecord>? days)
    {
        if (days is null || days.Count == 0)
        {
            return null;
        }

        Dictionary<SurfaceWaterItem, decimal> sample = WaterParameters.Sample(days.SelectMany(d => d.Means)
            .GroupBy(m => m.Parameter).Select(g => (g.Key, g.Average(m => m.Mean))));
        return sample.Count > 0 && SectionEvaluator.Evaluate(sample, WaterParameters.BodyOf(section)) is { } assessment ? (int)assessment.Class : null;
    }

    private static decimal? GoodShare(IEnumerable<int?> classes)
    {
        int[] known = [.. classes.Where(c => c is not null).Select(c => c!.Value)];
        return known.Length > 0 ? GbT8170.Round(known.Count(c => c <= 3) * 100m / known.Length, 1) : null;
    }
}
