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
        AirAveraging shortTerm = pollutant == AirPollutant.O3 ? AirAveraging.DailyMaxEightHour : AirAveraging.Daily;
        decimal shortLimit = Gb3095Limits.Find(pollutant, shortTerm, zone)!.Value;
        var values = new decimal[daily.Count];
        int count = 0;
        int exceedances = 0;
        decimal sum = 0m;
        for (int i = 0; i < daily.Count; i++)
        {
            if (daily[i] is { } value)
            {
                values[count++] = value;
                sum += value;
                exceedances += GbT8170.Round(value, decimals) > shortLimit ? 1 : 0;
            }
        }

        Array.Resize(ref values, count);
        bool hasMean = pollutant is not (AirPollutant.Co or AirPollutant.O3);
        decimal? mean = hasMean && count > 0 ? GbT8170.Round(sum / count, decimals) : null;
        int rank = PercentileRanks[(int)pollutant];
        decimal? percentile = Hj663Percentile.Compute(values, rank) is { } p ? GbT8170.Round(p, decimals) : null;
        decimal? rate = count > 0 ? GbT8170.Round((count - exceedances) * 100m / count, 1) : null;
        decimal? annualLimit = Gb3095Limits.Find(pollutant, AirAveraging.Annual, zone);
        bool? isCompliant = percentile is { } pc
            ? pc <= shortLimit && (mean is not { } m || annualLimit is not { } al || m <= al)
            : null;
        return new PeriodStatistics(pollutant, count, IsValid(firstDay, daily), mean, rank, percentile,
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
        bool isYearFromItsStart = firstDay.Month == 1 && firstDay.Day == 1;
        int validInYear = 0;
        LocalDate day = firstDay;
        for (int offset = 0; offset < daily.Count;)
        {
            int daysInMonth = CalendarSystem.Iso.GetDaysInMonth(day.Year, day.Month);
            int length = Math.Min(daysInMonth - day.Day + 1, daily.Count - offset);
            int valid = 0;
            for (int i = offset; i < offset + length; i++)
            {
                valid += daily[i].HasValue ? 1 : 0;
            }

            bool isWholeMonth = day.Day == 1 && length == daysInMonth;
            if (isWholeMonth && valid < (day.Month == 2 ? AnnualValidity.MinDaysInFebruary : AnnualValidity.MinDaysPerMonth))
            {
                return false;
            }

            validInYear += valid;
            if (day.Month == 12 && day.Day + length - 1 == daysInMonth)
            {
                if (isYearFromItsStart && validInYear < AnnualValidity.MinDaysPerYear)
                {
                    return false;
                }

                isYearFromItsStart = true;
                validInYear = 0;
            }

            offset += length;
            day = day.PlusDays(length);
        }

        return true;
    }
}
