using EcoMonitor.Standards.Air;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Ranks regions' period statistics by an <see cref="AirRankingMeasure"/> with the method of
/// 城市环境空气质量排名技术规定 (<see cref="CityRanking"/>; equal values share a rank), carrying last year's figures
/// and the change (<see cref="ChangeRate"/>). A region without this period's value of the measure is left out; for
/// <see cref="AirRankingMeasure.Improvement"/> also one without last year's index. Pure and thread-safe.
/// </summary>
public static class AirRanking
{
    /// <summary>
    /// Ranks <paramref name="current"/> by <paramref name="measure"/>; <paramref name="lastYear"/> holds the statistics
    /// of the same period of the previous year by region code (regions missing there have no change).
    /// </summary>
    public static IReadOnlyList<RegionRank> Rank(
        IEnumerable<AirPeriodStatistics> current, IReadOnlyDictionary<string, AirPeriodStatistics> lastYear, AirRankingMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(lastYear);
        Dictionary<string, RegionRank> rows = new(StringComparer.Ordinal);
        foreach (AirPeriodStatistics now in current)
        {
            AirPeriodStatistics? before = lastYear.GetValueOrDefault(now.Subject.Code);
            if (ValueOf(now, measure) is not { } value)
            {
                continue;
            }

            decimal? previous = before is null ? null : ValueOf(before, measure);
            decimal? change = measure == AirRankingMeasure.GoodDays ? value - previous : ChangeRate.Of(value, previous);
            if (measure == AirRankingMeasure.Improvement && change is null)
            {
                continue;
            }

            rows[now.Subject.Code] = new RegionRank(now.Subject.Code, 0, now.Index.Index, now)
            {
                Measure = measure, Current = value, LastYear = previous, Change = change, LastYearStatistics = before,
            };
        }

        IEnumerable<(string, decimal)> keys = rows.Values.Select(r => (r.Region, measure == AirRankingMeasure.Improvement ? r.Change!.Value : r.Current));
        return [.. CityRanking.Rank(keys, isDescending: measure == AirRankingMeasure.GoodDays).Select(r => rows[r.Name] with { Rank = r.Rank })];
    }

    /// <summary>The value of <paramref name="measure"/> in <paramref name="statistics"/> (the index for the improvement); null when missing.</summary>
    public static decimal? ValueOf(AirPeriodStatistics statistics, AirRankingMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return measure switch
        {
            AirRankingMeasure.Index or AirRankingMeasure.Improvement => statistics.Index.Index,
            AirRankingMeasure.GoodDays => statistics.Days.GoodDayShare,
            AirRankingMeasure.Pm25 => statistics.Items[(int)AirPollutant.Pm25].Mean,
            AirRankingMeasure.Pm10 => statistics.Items[(int)AirPollutant.Pm10].Mean,
            AirRankingMeasure.So2 => statistics.Items[(int)AirPollutant.So2].Mean,
            AirRankingMeasure.No2 => statistics.Items[(int)AirPollutant.No2].Mean,
            AirRankingMeasure.Co => statistics.Items[(int)AirPollutant.Co].Percentile,
            AirRankingMeasure.O3 => statistics.Items[(int)AirPollutant.O3].Percentile,
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "not a ranking measure"),
        };
    }
}
