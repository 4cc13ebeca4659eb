using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>One station's day (00:00–24:00 China Standard Time): the unit of recomputation.</summary>
/// <param name="Station">The station's MN.</param>
/// <param name="Day">The CST day.</param>
public readonly record struct StationDay(StationId Station, LocalDate Day)
{
    /// <summary>The station-day an hourly value with this period start belongs to (ADR 0002: period start labelling).</summary>
    public static StationDay Of(StationId station, Instant hourStart) => new(station, ChinaTime.ToLocal(hourStart).Date);

    /// <summary>00:00 CST of the day.</summary>
    public Instant Start => ChinaTime.ToInstant(Day.AtMidnight());

    /// <summary>00:00 CST of the next day (exclusive end).</summary>
    public Instant End => ChinaTime.ToInstant(Day.PlusDays(1).AtMidnight());
}
