using EcoMonitor.Standards.Rounding;

namespace EcoMonitor.Standards.Air;

/// <summary>
/// Days of a period by AQI category and the share of good days (优良天数比例, AQI ≤ 100, HJ 663-2013 /
/// HJ 633-2012 Table 2), reported to 1 decimal per GB/T 8170.
/// </summary>
/// <param name="DaysByLevel">Days per AQI level 1..6 (index 0 = level 1).</param>
/// <param name="ValidDays">Days with a daily AQI.</param>
/// <param name="GoodDayShare">Days of level 1 or 2 / valid days × 100 %, 1 decimal; null without days.</param>
public sealed record AqiDayStatistics(IReadOnlyList<int> DaysByLevel, int ValidDays, decimal? GoodDayShare)
{
    /// <summary>Counts the daily AQI values of a period (null = no valid AQI that day).</summary>
    public static AqiDayStatistics From(IEnumerable<int?> dailyAqi)
    {
        ArgumentNullException.ThrowIfNull(dailyAqi);
        int[] days = new int[AqiCategories.Rows.Length];
        int valid = 0;
        foreach (int? aqi in dailyAqi)
        {
            if (aqi is { } value)
            {
                days[AqiCategories.For(value).Level - 1]++;
                valid++;
            }
        }

        decimal? share = valid > 0 ? GbT8170.Round((days[0] + days[1]) * 100m / valid, 1) : null;
        return new AqiDayStatistics(days, valid, share);
    }
}
