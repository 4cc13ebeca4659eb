using NodaTime;

namespace EcoMonitor.Domain;

/// <summary>
/// China Standard Time: a fixed offset of +08:00 with no daylight saving. Days, months and years of every
/// evaluation are CST periods; instants are stored in UTC.
/// </summary>
public static class ChinaTime
{
    /// <summary>The +08:00 offset of China Standard Time.</summary>
    public static readonly Offset Offset = Offset.FromHours(8);

    /// <summary>Attaches the CST offset to a local date-time as transmitted (e.g. an HJ 212 <c>DataTime</c>).</summary>
    public static Instant ToInstant(LocalDateTime local) => local.WithOffset(Offset).ToInstant();

    /// <summary>The CST wall-clock time of an instant.</summary>
    public static LocalDateTime ToLocal(Instant instant) => instant.WithOffset(Offset).LocalDateTime;

    /// <summary>The instant as an offset date-time at +08:00, the form the API shows.</summary>
    public static OffsetDateTime ToOffsetDateTime(Instant instant) => instant.WithOffset(Offset);

    /// <summary>The start of the CST calendar day containing <paramref name="instant"/>.</summary>
    public static Instant StartOfDay(Instant instant) => ToInstant(ToLocal(instant).Date.AtMidnight());

    /// <summary>The start of the CST hour containing <paramref name="instant"/>.</summary>
    public static Instant StartOfHour(Instant instant)
    {
        LocalDateTime local = ToLocal(instant);
        return ToInstant(local.Date + new LocalTime(local.Hour, 0));
    }
}
