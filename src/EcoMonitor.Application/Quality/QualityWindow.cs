using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>One station's values of one interval kind on one CST day: the unit the quality worker rechecks.</summary>
/// <param name="Station">The station.</param>
/// <param name="Interval">The interval kind.</param>
/// <param name="Day">The CST day.</param>
public readonly record struct QualityWindow(StationId Station, ObservationInterval Interval, LocalDate Day)
{
    /// <summary>00:00 CST of the day.</summary>
    public Instant Start => ChinaTime.ToInstant(Day.AtMidnight());

    /// <summary>00:00 CST of the next day.</summary>
    public Instant End => ChinaTime.ToInstant(Day.PlusDays(1).AtMidnight());
}
