using EcoMonitor.Standards.Rounding;
using NodaTime;

namespace EcoMonitor.Standards.Air;

/// <summary>
/// HJ 663-2013 clause 5 (<c>hj663-2013-air-assessment.json</c> <c>annual_statistics</c>, confirmed for the six basic
/// items; <c>single_item_indicators</c>, recalled): per pollutant the period mean (SO2, NO2, PM10, PM2.5), the 24-h
/// 98th (SO2, NO2) / 95th (PM10, PM2.5, CO) percentile or the O3 daily-max-8-h 90th percentile, exceedance days,
/// compliance rate and compliance; validity per GB 3095-2012 Table 4. Values compared with the limits are the
/// rounded reported values. Pure and thread-safe.
/// </summary>
public static class PeriodEvaluator
{
    private static readonly int[] PercentileRanks = [98, 98, 95, 95, 95, 90];

    /// <summary>
    /// Evaluates the daily values of <paramref name="pollutant"/> (24-h means; O3: daily maximum 8-h means; null =
    /// no valid value that day) starting on <paramref name="firstDay"/>.
    /// </summary>
    public static PeriodStatistics Evaluate(
        AirPollutant pollutant, LocalDate firstDay, IReadOnlyList<decimal?> daily, AirQualityClass zone = AirQualityClass.Class2)
    {
        ArgumentNullException.ThrowIfNull(daily);
        int decimals = AirPollutantFacts.Decimals(pollutant);
        List<decimal> values = [.. daily.Where(v => v.HasValue).Select(v => v!.Value)];
        bool hasMean = pollutant is not (AirPollutant.Co or AirPollutant.O3);
        decimal? mean = hasMean && values.Count > 0 ? GbT8170.Round(values.Average(), decimals) : null;
        int rank = PercentileRanks[(int)pollutant];
        decimal? percentile = Hj663Percentile.Compute(values, rank) is { } p ? GbT8170.Round(p, decimals) : null;
        AirAveraging shortTerm = pollutant == AirPollutant.O3 ? AirAveraging.DailyMaxEightHour : AirAveraging.Daily;
        decimal shortLimit = Gb3095Limits.Find(pollutant, shortTerm, zone)!.Value;
        int exceedances = values.Count(v => GbT8170.Round(v, decimals) > shortLimit);
        decimal? rate = values.Count > 0 ? GbT8170.Round((values.Count - exceedances) * 100m / values.Count, 1) : null;
        decimal? annualLimit = Gb3095Limits.Find(pollutant, AirAveraging.Annual, zone);
        bool? isCompliant = percentile is { } pc
            ? pc <= shortLimit && (mean is not { } m || annualLimit is not { } al || m <= al)
            : null;
        return new PeriodStatistics(pollutant, values.Count, IsValid(firstDay, daily), mean, rank, percentile,
            exceedances, rate, isCompliant, ExceedMultiple(mean, annualLimit), ExceedMultiple(percentile, shortLimit));
    }

    /// <summary>
    /// Overall compliance of an area (HJ 663-2013 clause 5, <c>annual_statistics.compliance</c>): every evaluated
    /// item complies; null when an item could not be evaluated and none fails.
    /// </summary>
    public static bool? IsOverallCompliant(IEnumerable<PeriodStatistics> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        bool? overall = true;
        foreach (PeriodStatistics item in items)
        {
            if (item.IsCompliant is false)
            {
                return false;
            }

            overall = item.IsCompliant is null ? null : overall;
        }

        return overall;
    }

    /// <summary>超标倍数 (C − S) / S to 2 decimals (GB/T 8170) when C &gt; S; otherwise null.</summary>
    public static decimal? ExceedMultiple(decimal? value, decimal? limit) =>
        value is { } c && limit is { } s && c > s ? GbT8170.Round((c - s) / s, 2) : null;

    /// <summary>
    /// GB 3095-2012 Table 4 for a period of daily values: every calendar month the period covers completely needs
    /// ≥ 27 valid days (February ≥ 25), and every calendar year it covers completely ≥ 324.
    /// </summary>
    public static bool IsValid(LocalDate firstDay, IReadOnlyList<decimal?> daily)
    {
        ArgumentNullException.ThrowIfNull(daily);
        Dictionary<(int Year, int Month), int> perMonth = [];
        Dictionary<int, int> perYear = [];
        LocalDate day = firstDay;
        foreach (decimal? value in daily)
        {
            int valid = value.HasValue ? 1 : 0;
            perMonth[(day.Year, day.Month)] = perMonth.GetValueOrDefault((day.Year, day.Month)) + valid;
            perYear[day.Year] = perYear.GetValueOrDefault(day.Year) + valid;
            day = day.PlusDays(1);
        }

        LocalDate lastDay = firstDay.PlusDays(daily.Count - 1);
        foreach (((int year, int month), int count) in perMonth)
        {
            bool isCovered = firstDay <= new LocalDate(year, month, 1)
                && lastDay >= new LocalDate(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));
            if (isCovered && count < (month == 2 ? AnnualValidity.MinDaysInFebruary : AnnualValidity.MinDaysPerMonth))
            {
                return false;
            }
        }

        return perYear.All(y => !(firstDay <= new LocalDate(y.Key, 1, 1) && lastDay >= new LocalDate(y.Key, 12, 31))
            || y.Value >= AnnualValidity.MinDaysPerYear);
    }
}
