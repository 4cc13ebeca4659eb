using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Period statistics and city rankings on demand, from the stored daily results, cached until the next
/// recomputation (<see cref="Invalidate"/>, called by the evaluation worker). With
/// <see cref="DustDayTreatment.Excluded"/> the dust-day register (<see cref="IDustDayStore"/>) is read on every call and
/// its marks are part of the cache key, so a mark made on any node counts at once. Thread-safe: the cache is a
/// concurrent dictionary; at most <see cref="MaxCachedEntries"/> results are kept (then the cache starts afresh).
/// </summary>
public sealed class AirStatisticsService(IEvaluationStore store, IDustDayStore dustDays)
{
    /// <summary>Cached results kept at most.</summary>
    public const int MaxCachedEntries = 10_000;

    private readonly ConcurrentDictionary<(EvaluationScope Scope, string? Code, LocalDate First, LocalDate Last), object> _cache = new();

    /// <summary>Statistics of one station or city over days <paramref name="firstDay"/>..<paramref name="lastDay"/> (inclusive), every day counted.</summary>
    public Task<AirPeriodStatistics> GetAsync(EvaluationSubject subject, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken) =>
        GetAsync(subject, firstDay, lastDay, DustDayTreatment.Included, cancellationToken);

    /// <summary>
    /// Statistics of one station, city or county over days <paramref name="firstDay"/>..<paramref name="lastDay"/>
    /// (inclusive); with <see cref="DustDayTreatment.Excluded"/> a city's or county's days marked as dust days (of the
    /// city, or of the county's city) are left out. Stations are never affected by marks.
    /// </summary>
    public async Task<AirPeriodStatistics> GetAsync(
        EvaluationSubject subject, LocalDate firstDay, LocalDate lastDay, DustDayTreatment dust, CancellationToken cancellationToken)
    {
        ILookup<string, LocalDate> marks = dust == DustDayTreatment.Excluded && subject.Scope != EvaluationScope.Station
            ? await MarksAsync(RegionCode.Parse(subject.Place).Prefecture.Value, firstDay, lastDay, cancellationToken)
            : NoMarks;
        var key = (subject.Scope, (string?)$"{subject.Code}{Fingerprint(marks)}", firstDay, lastDay);
        if (_cache.TryGetValue(key, out object? cached))
        {
            return (AirPeriodStatistics)cached;
        }

        IReadOnlyList<DailyAirSeries> series = await store.QueryDailySeriesAsync(subject.Scope, subject.Code, firstDay, lastDay, cancellationToken);
        DailyAirSeries one = series.Count > 0 ? series[0] : new DailyAirSeries(subject, firstDay, lastDay);
        AirPeriodStatistics statistics = AirStatistics.Compute(LeaveOut(one, marks));
        Remember(key, statistics);
        return statistics;
    }

    /// <summary>
    /// Cities (<see cref="EvaluationScope.City"/>) or counties (<see cref="EvaluationScope.County"/>) ranked by
    /// <paramref name="measure"/> for the period per 城市环境空气质量排名技术规定 (<see cref="AirRanking"/>), each with
    /// the same period of the previous year (<see cref="LocalDate.PlusYears"/>: 29 February falls back to the 28th) and
    /// the change; regions lacking the measure's value are left out. Counties are ranked by the same method (the 规定
    /// ranks cities; provinces apply it to their counties). With <paramref name="within"/>, only the regions inside that
    /// province or city are ranked, among themselves. With <see cref="DustDayTreatment.Excluded"/> the marked dust days
    /// are left out of both years.
    /// </summary>
    public async Task<IReadOnlyList<RegionRank>> RankAsync(
        EvaluationScope scope, RegionCode? within, LocalDate firstDay, LocalDate lastDay, AirRankingMeasure measure, DustDayTreatment dust,
        CancellationToken cancellationToken)
    {
        if (scope == EvaluationScope.Station)
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Stations are not ranked; rank cities or counties.");
        }

        IReadOnlyList<AirPeriodStatistics> now = await RegionsAsync(scope, within, firstDay, lastDay, dust, cancellationToken);
        IReadOnlyList<AirPeriodStatistics> before = await RegionsAsync(scope, within, firstDay.PlusYears(-1), lastDay.PlusYears(-1), dust, cancellationToken);
        return AirRanking.Rank(now, before.ToDictionary(s => s.Subject.Code, StringComparer.Ordinal), measure);
    }

    /// <summary>Forgets every cached result (the stored evaluations changed).</summary>
    public void Invalidate() => _cache.Clear();

    private static readonly ILookup<string, LocalDate> NoMarks = Array.Empty<DustDay>().ToLookup(d => d.City.Value, d => d.Day, StringComparer.Ordinal);

    /// <summary>The statistics of every region of <paramref name="scope"/> (inside <paramref name="within"/>) with a stored day in the period, cached.</summary>
    private async Task<IReadOnlyList<AirPeriodStatistics>> RegionsAsync(
        EvaluationScope scope, RegionCode? within, LocalDate firstDay, LocalDate lastDay, DustDayTreatment dust, CancellationToken cancellationToken)
    {
        ILookup<string, LocalDate> marks = dust == DustDayTreatment.Excluded
            ? await MarksAsync(within is { } area && area.Prefix.Length > 0 ? area.Prefix : null, firstDay, lastDay, cancellationToken)
            : NoMarks;
        var key = (scope, (string?)$"{within?.Value}/*{Fingerprint(marks)}", firstDay, lastDay);
        if (_cache.TryGetValue(key, out object? cached))
        {
            return (IReadOnlyList<AirPeriodStatistics>)cached;
        }

        IReadOnlyList<DailyAirSeries> series = await store.QueryDailySeriesAsync(scope, null, firstDay, lastDay, cancellationToken);
        AirPeriodStatistics[] regions = [.. AirStatistics.ComputeEach(
            [.. series.Where(s => within is not { } area || area.Contains(RegionCode.Parse(s.Subject.Code))).Select(s => LeaveOut(s, marks))])];
        Remember(key, regions);
        return regions;
    }

    /// <summary>Marked days by city code, of the cities starting with <paramref name="cityPrefix"/>.</summary>
    private async Task<ILookup<string, LocalDate>> MarksAsync(string? cityPrefix, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        IReadOnlyList<DustDay> marks = await dustDays.QueryAsync(cityPrefix, firstDay, lastDay, cancellationToken);
        return marks.ToLookup(d => d.City.Value, d => d.Day, StringComparer.Ordinal);
    }

    /// <summary>Clears the marked days of the series' city (a county's: its city's) in place; returns the series.</summary>
    private static DailyAirSeries LeaveOut(DailyAirSeries series, ILookup<string, LocalDate> marks)
    {
        if (marks.Count == 0 || series.Subject.Scope == EvaluationScope.Station)
        {
            return series;
        }

        foreach (LocalDate day in marks[RegionCode.Parse(series.Subject.Place).Prefecture.Value])
        {
            series.Clear(day);
        }

        return series;
    }

    /// <summary>Empty without marks; otherwise "#" and the SHA-256 of every mark (the cache key changes with the register).</summary>
    private static string Fingerprint(ILookup<string, LocalDate> marks)
    {
        if (marks.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (IGrouping<string, LocalDate> city in marks.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(city.Key).Append(':');
            foreach (LocalDate day in city.Order())
            {
                text.Append(day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append(',');
            }
        }

        return "#" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private void Remember((EvaluationScope, string?, LocalDate, LocalDate) key, object value)
    {
        if (_cache.Count >= MaxCachedEntries)
        {
            _cache.Clear();
        }

        _cache[key] = value;
    }
}
