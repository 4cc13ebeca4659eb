namespace EcoMonitor.Standards.Noise;

/// <summary>GB 3096-2008 compliance of one site and day; null where the level was not given.</summary>
/// <param name="IsDayCompliant">Ld ≤ day limit.</param>
/// <param name="DayExceedance">Ld − day limit when positive, else 0, dB(A).</param>
/// <param name="IsNightCompliant">Ln ≤ night limit.</param>
/// <param name="NightExceedance">Ln − night limit when positive, else 0, dB(A).</param>
/// <param name="NightMaxLimit">Night limit + 15 dB(A) (clause 5.4).</param>
/// <param name="IsNightMaxCompliant">Night Lmax ≤ <paramref name="NightMaxLimit"/>.</param>
public sealed record NoiseAssessment(
    bool? IsDayCompliant, decimal? DayExceedance, bool? IsNightCompliant, decimal? NightExceedance,
    decimal NightMaxLimit, bool? IsNightMaxCompliant);
