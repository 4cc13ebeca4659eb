namespace EcoMonitor.Standards.Noise;

/// <summary>
/// Noise evaluation per GB 3096-2008: day is 06:00–22:00 and night 22:00–06:00 (clause 3, confirmed; local
/// governments may redefine them), compliance of Ld and Ln with the zone's limits (Table 1), night Lmax ≤ night
/// limit + 15 dB(A) (clause 5.4), and the equivalent continuous level Leq = 10·lg(mean(10^(0.1·L_i))) of equally
/// spaced samples (clause 3 definition of LAeq).
/// </summary>
public static class NoiseEvaluator
{
    /// <summary>True when the local time hh:mm is in the day period [06:00, 22:00).</summary>
    public static bool IsDay(int hour, int minute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        ArgumentOutOfRangeException.ThrowIfNegative(minute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minute, 59);
        return hour is >= 6 and < 22;
    }

    /// <summary>Leq of equally spaced levels in dB(A); null for none.</summary>
    public static double? Leq(IReadOnlyCollection<double> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return levels.Count == 0 ? null : 10 * Math.Log10(levels.Average(l => Math.Pow(10, l / 10)));
    }

    /// <summary>
    /// Compliance of a day level, a night level and optionally a night maximum with the limits of
    /// <paramref name="zone"/>. Exceedances are level − limit when positive, else 0.
    /// </summary>
    public static NoiseAssessment Evaluate(NoiseZoneLimit zone, decimal? day, decimal? night, decimal? nightMax)
    {
        ArgumentNullException.ThrowIfNull(zone);
        decimal lmaxLimit = zone.Night + Gb3096Limits.NightMaxAllowance;
        return new NoiseAssessment(
            day is { } d ? d <= zone.Day : null, day is { } de ? Math.Max(0m, de - zone.Day) : null,
            night is { } n ? n <= zone.Night : null, night is { } ne ? Math.Max(0m, ne - zone.Night) : null,
            lmaxLimit, nightMax is { } m ? m <= lmaxLimit : null);
    }
}
