using EcoMonitor.Domain;
using EcoMonitor.Standards.Noise;
using EcoMonitor.Standards.Rounding;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// GB 3096-2008 days of a noise station from its hourly Leq observations (parameter <c>Leq</c>, flag N): Ld and Ln are
/// the energy means (<see cref="NoiseEvaluator.Leq"/>) of the hours whose start lies in the day or night period,
/// rounded to 0.1 dB(A) (GB/T 8170), then compared with the zone's limits. No minimum number of hours is imposed (our
/// choice; the standard states none for automatic stations); the counts are reported with the levels. Pure.
/// </summary>
public static class NoiseDayEvaluator
{
    /// <summary>The HJ 212 code of the equivalent continuous A-weighted level.</summary>
    public static readonly ParameterCode Leq = ParameterCode.Parse("Leq");

    /// <summary>The instant the day period of <paramref name="day"/> begins (06:00 CST).</summary>
    public static Instant Start(LocalDate day) => ChinaTime.ToInstant(day.At(new LocalTime(6, 0)));

    /// <summary>Evaluates each day in [<paramref name="first"/>, <paramref name="last"/>] for <paramref name="zone"/>.</summary>
    public static IReadOnlyList<NoiseDay> Evaluate(NoiseZoneLimit zone, LocalDate first, LocalDate last, IEnumerable<Observation> hourly)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(hourly);
        ILookup<LocalDate, Observation> byDay = hourly
            .Where(o => o.Parameter == Leq && o.Interval == ObservationInterval.Hour && o.Flag == DataFlag.Normal && o.Value.HasValue)
            .ToLookup(o => ChinaTime.ToLocal(o.PeriodStart).PlusHours(-6).Date);
        List<NoiseDay> days = [];
        for (LocalDate day = first; day <= last; day = day.PlusDays(1))
        {
            Observation[] hours = [.. byDay[day]];
            Observation[] dayHours = [.. hours.Where(o => IsDayPeriod(o.PeriodStart))];
            Observation[] nightHours = [.. hours.Where(o => !IsDayPeriod(o.PeriodStart))];
            decimal? ld = Level(dayHours);
            decimal? ln = Level(nightHours);
            decimal? nightMax = nightHours.Length == 0 ? null : nightHours.Max(o => o.Max ?? o.Value!.Value);
            days.Add(new NoiseDay(day, zone.Zone, ld, dayHours.Length, ln, nightHours.Length, nightMax, NoiseEvaluator.Evaluate(zone, ld, ln, nightMax)));
        }

        return days;
    }

    private static bool IsDayPeriod(Instant hourStart)
    {
        LocalDateTime local = ChinaTime.ToLocal(hourStart);
        return NoiseEvaluator.IsDay(local.Hour, local.Minute);
    }

    private static decimal? Level(Observation[] hours) =>
        NoiseEvaluator.Leq([.. hours.Select(o => (double)o.Value!.Value)]) is { } level ? GbT8170.Round((decimal)level, 1) : null;
}
