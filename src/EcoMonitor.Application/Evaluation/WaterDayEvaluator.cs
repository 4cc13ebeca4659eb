using EcoMonitor.Domain;
using EcoMonitor.Standards.Rounding;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The day of a surface-water section from its hourly values: per GB 3838-2002 item (Table 1, and the Table 2
/// supplementary items, which only drinking-water sources are assessed against) the arithmetic mean of the day's
/// valid values, kept to <see cref="MeanDecimals"/> decimals (GB/T 8170), and the section class of those
/// means (<see cref="SectionEvaluator"/>). Automatic stations sample every 1–4 hours, so any valid value makes a
/// daily mean; how many there were is kept with it. Pure and thread-safe.
/// </summary>
public static class WaterDayEvaluator
{
    /// <summary>Decimals kept of a daily mean: finer than any GB 3838-2002 limit (Hg class I 0.00005 mg/L).</summary>
    public const int MeanDecimals = 6;

    /// <summary>Evaluates the day of <paramref name="station"/> from its hourly observations of that day.</summary>
    /// <remarks>
    /// With <paramref name="areValuesJudged"/> every value given counts (the quality gate, <c>StationValidity</c>, already
    /// left out the invalid ones and kept those a reviewer confirmed); otherwise only values flagged N count.
    /// </remarks>
    public static WaterDayRecord Evaluate(Station station, StationDay day, IEnumerable<Observation> hourly, bool areValuesJudged = false)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(hourly);
        WaterItemMean[] means =
        [
            .. hourly
                .Where(o => (areValuesJudged || o.Flag == DataFlag.Normal) && o.Value.HasValue && WaterParameters.IsWaterItem(o.Parameter)
                    && o.PeriodStart >= day.Start && o.PeriodStart < day.End)
                .GroupBy(o => o.Parameter)
                .Select(g => new WaterItemMean(g.Key, GbT8170.Round(g.Average(o => o.Value!.Value), MeanDecimals), g.Count()))
                .OrderBy(m => m.Parameter.Value, StringComparer.Ordinal),
        ];
        SectionAssessment? assessment = SectionEvaluator.Evaluate(
            WaterParameters.Sample(means.Select(m => (m.Parameter, m.Mean))), WaterParameters.BodyOf(station));
        return new WaterDayRecord { Station = station.Id, Day = day.Day, Means = means, Class = (int?)assessment?.Class };
    }
}
