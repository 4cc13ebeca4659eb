using EcoMonitor.Application.Storage;
using EcoMonitor.Standards.Air;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Computes <see cref="AirPeriodStatistics"/> from daily records (HJ 663-2013 clause 5 via
/// <see cref="PeriodEvaluator"/>, <see cref="AqiDayStatistics"/>, <see cref="ComprehensiveIndex"/>). A day without a
/// record, or whose value of an item is not valid, is a missing day for that item. Pure and thread-safe.
/// </summary>
public static class AirStatistics
{
    /// <summary>Statistics of <paramref name="subject"/> from its daily records (other subjects' and days outside the period are ignored).</summary>
    public static AirPeriodStatistics Compute(EvaluationSubject subject, LocalDate firstDay, LocalDate lastDay, IEnumerable<DailyAqiRecord> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        int count = Period.DaysBetween(firstDay, lastDay) + 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var byDay = new DailyAqiRecord?[count];
        foreach (DailyAqiRecord day in days)
        {
            int offset = Period.DaysBetween(firstDay, day.Day);
            if (day.Subject == subject && offset >= 0 && offset < count)
            {
                byDay[offset] = day;
            }
        }

        PeriodStatistics[] items =
        [
            PeriodEvaluator.Evaluate(AirPollutant.So2, firstDay, [.. byDay.Select(d => d?.So2)]),
            PeriodEvaluator.Evaluate(AirPollutant.No2, firstDay, [.. byDay.Select(d => d?.No2)]),
            PeriodEvaluator.Evaluate(AirPollutant.Pm10, firstDay, [.. byDay.Select(d => d?.Pm10)]),
            PeriodEvaluator.Evaluate(AirPollutant.Pm25, firstDay, [.. byDay.Select(d => d?.Pm25)]),
            PeriodEvaluator.Evaluate(AirPollutant.Co, firstDay, [.. byDay.Select(d => d?.Co)]),
            PeriodEvaluator.Evaluate(AirPollutant.O3, firstDay, [.. byDay.Select(d => d?.O3MaxEightHour)]),
        ];
        ComprehensiveIndexResult index = ComprehensiveIndex.Compute(
            [items[0].Mean, items[1].Mean, items[2].Mean, items[3].Mean, items[4].Percentile, items[5].Percentile]);
        return new AirPeriodStatistics(subject, firstDay, lastDay, items, AqiDayStatistics.From(byDay.Select(d => d?.Aqi)),
            index, PeriodEvaluator.IsOverallCompliant(items));
    }

    /// <summary>
    /// Statistics of every subject in <paramref name="days"/>, which must be grouped by subject (as
    /// <see cref="IEvaluationStore.QueryDailyAsync"/> returns them: ordered by code, then day). Subjects are computed in
    /// parallel on all cores; the result is in the order of <paramref name="days"/>.
    /// </summary>
    public static IReadOnlyList<AirPeriodStatistics> ComputeEach(LocalDate firstDay, LocalDate lastDay, IReadOnlyList<DailyAqiRecord> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        List<(int Start, int Count)> slices = [];
        for (int start = 0; start < days.Count;)
        {
            int end = start + 1;
            while (end < days.Count && days[end].Subject == days[start].Subject)
            {
                end++;
            }

            slices.Add((start, end - start));
            start = end;
        }

        var results = new AirPeriodStatistics[slices.Count];
        Parallel.For(0, slices.Count, i =>
        {
            (int start, int count) = slices[i];
            results[i] = Compute(days[start].Subject, firstDay, lastDay, Slice(days, start, count));
        });
        if (results.Select(r => r.Subject).Distinct().Count() != results.Length)
        {
            throw new ArgumentException("The daily records are not grouped by subject.", nameof(days));
        }

        return results;
    }

    private static IEnumerable<DailyAqiRecord> Slice(IReadOnlyList<DailyAqiRecord> days, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            yield return days[i];
        }
    }
}
