using EcoMonitor.Standards.Noise;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The GB 3096-2008 day of a noise station: the day period 06:00–22:00 of <see cref="Day"/> and the night period
/// 22:00 of <see cref="Day"/> to 06:00 of the next day (CST), their levels and their compliance with the zone.
/// </summary>
/// <param name="Day">The date the day period (and the night that starts at its end) belongs to.</param>
/// <param name="Zone">The station's acoustic functional zone.</param>
/// <param name="DayLevel">Ld, dB(A): Leq of the day period's hourly Leq values, 1 decimal; null without values.</param>
/// <param name="DayHours">Hourly values in the day period (of 16).</param>
/// <param name="NightLevel">Ln, dB(A): Leq of the night period's hourly Leq values, 1 decimal; null without values.</param>
/// <param name="NightHours">Hourly values in the night period (of 8).</param>
/// <param name="NightMax">Largest level of the night (the hours' maxima where given, else their Leq), dB(A).</param>
/// <param name="Assessment">Compliance with the zone's limits (Table 1, clause 5.4).</param>
public sealed record NoiseDay(
    LocalDate Day, string Zone, decimal? DayLevel, int DayHours, decimal? NightLevel, int NightHours, decimal? NightMax, NoiseAssessment Assessment);
