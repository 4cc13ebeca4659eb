namespace EcoMonitor.Standards.Air;

/// <summary>
/// Means of hourly values with the data-validity rules of GB 3095-2012 clause 7 Table 4
/// (<c>gb3095-2012-ambient-air.json</c> <c>data_validity_table4</c>, confirmed): a 24-h mean needs at least 20 hourly
/// values; an O3 8-h mean needs at least 6 hourly values in its window. Missing hours are null. Pure, allocation-free.
/// </summary>
public static class HourlyAverager
{
    /// <summary>Hourly values a 24-h mean needs (GB 3095-2012 Table 4).</summary>
    public const int MinHoursPerDay = 20;

    /// <summary>Hourly values an O3 8-h mean needs (GB 3095-2012 Table 4).</summary>
    public const int MinHoursPerEightHours = 6;

    /// <summary>The 24-h mean of the (usually 24) hourly values of a day or a moving 24-h window.</summary>
    public static MeanResult DailyMean(ReadOnlySpan<decimal?> hourly) => Mean(hourly, MinHoursPerDay);

    /// <summary>The 8-h mean of the (usually 8) hourly values of one window.</summary>
    public static MeanResult EightHourMean(ReadOnlySpan<decimal?> hourly) => Mean(hourly, MinHoursPerEightHours);

    private static MeanResult Mean(ReadOnlySpan<decimal?> hourly, int minimum)
    {
        int count = 0;
        decimal sum = 0m;
        foreach (decimal? value in hourly)
        {
            if (value is { } v)
            {
                count++;
                sum += v;
            }
        }

        return new MeanResult(count, count >= minimum, count > 0 ? sum / count : null);
    }
}
