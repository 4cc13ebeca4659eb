namespace EcoMonitor.Standards.Air;

/// <summary>
/// O3 daily maximum 8-h mean, HJ 663-2013 clauses 3 and 6 (<c>hj663-2013-air-assessment.json</c> <c>o3_8h</c>,
/// recalled): the maximum of the 17 8-h moving means ending at 08:00 … 24:00 of the day (hour labels are period
/// ends, so hours 01..24), each valid with ≥ 6 hourly values (GB 3095-2012 Table 4); the day is valid with ≥ 14 valid
/// windows, or with fewer when the maximum already exceeds the limit (class 2: 160 µg/m³, GB 3095-2012 Table 1).
/// </summary>
public static class DailyMaxEightHour
{
    /// <summary>Valid windows a day needs (HJ 663-2013).</summary>
    public const int MinWindows = 14;

    /// <summary>GB 3095-2012 Table 1, O3 daily maximum 8-h, class 2 (µg/m³).</summary>
    public const decimal Class2Limit = 160m;

    private const int WindowHours = 8;

    /// <summary>
    /// Computes the daily maximum from the day's hourly O3 (µg/m³, null = missing), hours 01..24 in order; every run
    /// of 8 consecutive hours is a window (17 for a full day).
    /// </summary>
    public static DailyMaxEightHourResult Compute(ReadOnlySpan<decimal?> hourly, decimal limit = Class2Limit)
    {
        int windows = 0;
        decimal? max = null;
        for (int start = 0; start + WindowHours <= hourly.Length; start++)
        {
            MeanResult mean = HourlyAverager.EightHourMean(hourly.Slice(start, WindowHours));
            if (mean.IsValid && mean.Value is { } value)
            {
                windows++;
                max = max is { } m ? Math.Max(m, value) : value;
            }
        }

        bool isValid = windows >= MinWindows || (max is { } top && top > limit);
        return new DailyMaxEightHourResult(windows, isValid, max);
    }
}
