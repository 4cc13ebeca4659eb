using EcoMonitor.Standards.Air;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Computes <see cref="AirPeriodStatistics"/> from daily values (HJ 663-2013 clause 5 via
/// <see cref="PeriodEvaluator"/>, <see cref="AqiDayStatistics"/>, <see cref="ComprehensiveIndex"/>). A day without a
/// stored result, or whose value of an item is not valid, is a missing day for that item. Pure and thread-safe.
/// </summary>
public static class AirStatistics
{
    /// <summary>Statistics of one subject's series.</summary>
    public static AirPeriodStatistics Compute(DailyAirSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        PeriodStatistics[] items =
        [
            PeriodEvaluator.Evaluate(AirPollutant.So2, series.FirstDay, series.So2),
            PeriodEvaluator.Evaluate(AirPollutant.No2, series.FirstDay, series.No2),
            PeriodEvaluator.Evaluate(AirPollutant.Pm10, series.FirstDay, series.Pm10),
            PeriodEvaluator.Evaluate(AirPollutant.Pm25, series.FirstDay, series.Pm25),
            PeriodEvaluator.Evaluate(AirPollutant.Co, series.FirstDay, series.Co),
            PeriodEvaluator.Evaluate(AirPollutant.O3, series.FirstDay, series.O3MaxEightHour),
        ];
        ComprehensiveIndexResult index = ComprehensiveIndex.Compute(
            [items[0].Mean, items[1].Mean, items[2].Mean, items[3].Mean, items[4].Percentile, items[5].Percentile]);
        return new AirPeriodStatistics(series.Subject, series.FirstDay, series.LastDay, items, AqiDayStatistics.From(series.Aqi),
            index, PeriodEvaluator.IsOverallCompliant(items));
    }

    /// <summary>Statistics of <paramref name="subject"/> from its daily records (other subjects' and days outside the period are ignored).</summary>
    public static AirPeriodStatistics Compute(EvaluationSubject subject, LocalDate firstDay, LocalDate lastDay, IEnumerable<DailyAqiRecord> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var series = new DailyAirSeries(subject, firstDay, lastDay);
        foreach (DailyAqiRecord day in days.Where(d => d.Subject == subject))
        {
            series.Set(day);
        }

        return Compute(series);
    }

    /// <summary>
    /// Statistics of every series, computed in parallel on all cores; the result is in the order of
    /// <paramref name="series"/>.
    /// </summary>
    public static IReadOnlyList<AirPeriodStatistics> ComputeEach(IReadOnlyList<DailyAirSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var results = new AirPeriodStatistics[series.Count];
        Parallel.For(0, series.Count, i => results[i] = Compute(series[i]));
        return results;
    }
}
