using System.Collections.Concurrent;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Period statistics and city rankings on demand, from the stored daily results, cached until the next
/// recomputation (<see cref="Invalidate"/>, called by the evaluation worker). Thread-safe: the cache is a
/// concurrent dictionary; at most <see cref="MaxCachedEntries"/> results are kept (then the cache starts afresh).
/// </summary>
public sealed class AirStatisticsService(IEvaluationStore store)
{
    /// <summary>Cached results kept at most.</summary>
    public const int MaxCachedEntries = 10_000;

    private readonly ConcurrentDictionary<(EvaluationScope Scope, string? Code, LocalDate First, LocalDate Last), object> _cache = new();

    /// <summary>Statistics of one station or city over days <paramref name="firstDay"/>..<paramref name="lastDay"/> (inclusive).</summary>
    public async Task<AirPeriodStatistics> GetAsync(EvaluationSubject subject, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        var key = (subject.Scope, (string?)subject.Code, firstDay, lastDay);
        if (_cache.TryGetValue(key, out object? cached))
        {
            return (AirPeriodStatistics)cached;
        }

        IReadOnlyList<DailyAirSeries> series = await store.QueryDailySeriesAsync(subject.Scope, subject.Code, firstDay, lastDay, cancellationToken);
        AirPeriodStatistics statistics = AirStatistics.Compute(series.Count > 0 ? series[0] : new DailyAirSeries(subject, firstDay, lastDay));
        Remember(key, statistics);
        return statistics;
    }

    /// <summary>
    /// Cities (<see cref="EvaluationScope.City"/>) or counties (<see cref="EvaluationScope.County"/>) ranked by
    /// <paramref name="measure"/> for the period per 城市环境空气质量排名技术规定 (<see cref="AirRanking"/>), each with
    /// the same period of the previous year (<see cref="LocalDate.PlusYears"/>: 29 February falls back to the 28th) and
    /// the change; regions lacking the measure's value are left out. Counties are ranked by the same method (the 规定
    /// ranks cities; provinces apply it to their counties). With <paramref name="within"/>, only the regions inside that
    /// province or city are ranked, among themselves.
    /// </summary>
    public async Task<IReadOnlyList<RegionRank>> RankAsync(
        EvaluationScope scope, RegionCode? within, LocalDate firstDay, LocalDate lastDay, AirRankingMeasure measure, CancellationToken cancellationToken)
    {
        if (scope == EvaluationScope.Station)
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Stations are not ranked; rank cities or counties.");
        }

        var key = (scope, $"{within?.Value}/{measure}", firstDay, lastDay);
        if (_cache.TryGetValue(key, out object? cached))
        {
            return (IReadOnlyList<RegionRank>)cached;
        }

        IReadOnlyList<AirPeriodStatistics> now = await RegionsAsync(scope, within, firstDay, lastDay, cancellationToken);
        IReadOnlyList<AirPeriodStatistics> before = await RegionsAsync(scope, within, firstDay.PlusYears(-1), lastDay.PlusYears(-1), cancellationToken);
        IReadOnlyList<RegionRank> ranking = AirRanking.Rank(now, before.ToDictionary(s => s.Subject.Code, StringComparer.Ordinal), measure);
        Remember(key, ranking);
        return ranking;
    }

    /// <summary>The statistics of every region of <paramref name="scope"/> (inside <paramref name="within"/>) with a stored day in the period, cached.</summary>
    private async Task<IReadOnlyList<AirPeriodStatistics>> RegionsAsync(
        EvaluationScope scope, RegionCode? within, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        var key = (scope, $"{within?.Value}/*", firstDay, lastDay);
        if (_cache.TryGetValue(key, out object? cached))
        {
            return (IReadOnlyList<AirPeriodStatistics>)cached;
        }

        IReadOnlyList<DailyAirSeries> series = await store.QueryDailySeriesAsync(scope, null, firstDay, lastDay, cancellationToken);
        AirPeriodStatistics[] regions = [.. AirStatistics.ComputeEach(
            [.. series.Where(s => within is not { } area || area.Contains(RegionCode.Parse(s.Subject.Code)))])];
        Remember(key, regions);
        return regions;
    }

    /// <summary>Forgets every cached result (the stored evaluations changed).</summary>
    public void Invalidate() => _cache.Clear();

    private void Remember((EvaluationScope, string?, LocalDate, LocalDate) key, object value)
    {
        if (_cache.Count >= MaxCachedEntries)
        {
            _cache.Clear();
        }

        _cache[key] = value;
    }
}
