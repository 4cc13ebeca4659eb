using EcoMonitor.Application.Evaluation;

namespace EcoMonitor.Web.Api;

/// <summary>A noise station's GB 3096-2008 day: day period 06:00–22:00 and the night 22:00–06:00 that follows (CST).</summary>
/// <param name="Day">The date, yyyy-MM-dd.</param>
/// <param name="Zone">Acoustic functional zone (0, 1, 2, 3, 4a, 4b).</param>
/// <param name="DayLevel">Ld, dB(A), 1 decimal; null without values.</param>
/// <param name="DayHours">Hourly values in the day period (of 16).</param>
/// <param name="DayLimit">The zone's day limit, dB(A).</param>
/// <param name="IsDayCompliant">Ld ≤ day limit; null without Ld.</param>
/// <param name="DayExceedance">Ld − limit when positive, else 0.</param>
/// <param name="NightLevel">Ln, dB(A), 1 decimal; null without values.</param>
/// <param name="NightHours">Hourly values in the night period (of 8).</param>
/// <param name="NightLimit">The zone's night limit, dB(A).</param>
/// <param name="IsNightCompliant">Ln ≤ night limit; null without Ln.</param>
/// <param name="NightExceedance">Ln − limit when positive, else 0.</param>
/// <param name="NightMax">Largest night level, dB(A).</param>
/// <param name="NightMaxLimit">Night limit + 15 dB(A) (clause 5.4).</param>
/// <param name="IsNightMaxCompliant">Night maximum ≤ its limit; null without night values.</param>
public sealed record NoiseDayDto(
    string Day, string Zone, decimal? DayLevel, int DayHours, decimal DayLimit, bool? IsDayCompliant, decimal? DayExceedance,
    decimal? NightLevel, int NightHours, decimal NightLimit, bool? IsNightCompliant, decimal? NightExceedance,
    decimal? NightMax, decimal NightMaxLimit, bool? IsNightMaxCompliant)
{
    /// <summary>Maps one evaluated day with its zone's limits.</summary>
    public static NoiseDayDto From(NoiseDay d, decimal dayLimit, decimal nightLimit)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(ApiTime.FormatDate(d.Day), d.Zone, d.DayLevel, d.DayHours, dayLimit, d.Assessment.IsDayCompliant, d.Assessment.DayExceedance,
            d.NightLevel, d.NightHours, nightLimit, d.Assessment.IsNightCompliant, d.Assessment.NightExceedance,
            d.NightMax, d.Assessment.NightMaxLimit, d.Assessment.IsNightMaxCompliant);
    }
}
