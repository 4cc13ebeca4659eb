using NodaTime;

namespace EcoMonitor.Domain;

/// <summary>
/// One CST clock hour [Start, Start + 1 h). By ADR 0002 an hourly value is stored at the start of the hour it
/// covers.
/// </summary>
public readonly record struct HourWindow
{
    /// <summary>Creates the window; throws when <paramref name="start"/> is not on the hour at +08:00.</summary>
    public HourWindow(Instant start)
    {
        if (ChinaTime.StartOfHour(start) != start)
        {
            throw new DomainValidationException("hour_window.not_on_hour", $"{start} is not on the hour.");
        }

        Start = start;
    }

    /// <summary>First instant of the hour (inclusive).</summary>
    public Instant Start { get; }

    /// <summary>End of the hour (exclusive).</summary>
    public Instant End => Start + Duration.FromHours(1);

    /// <summary>The hour as an interval.</summary>
    public Interval ToInterval() => new(Start, End);
}
