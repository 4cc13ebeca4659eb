using EcoMonitor.Domain;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Application.Import;

/// <summary>
/// Period times of the long formats: ISO 8601 with an offset (<c>2019-12-18T08:00:00+08:00</c>, <c>…Z</c>), or a
/// local time <c>yyyy-MM-dd HH:mm[:ss]</c> (space or 'T') taken as China Standard Time (+08:00).
/// </summary>
internal static class ImportTime
{
    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mmo<G>"),
    ];

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss"),
    ];

    /// <summary>The instant, or null when the text matches no accepted form.</summary>
    public static Instant? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (OffsetDateTimePattern pattern in OffsetPatterns)
        {
            ParseResult<OffsetDateTime> result = pattern.Parse(text);
            if (result.Success)
            {
                // At the ends of the calendar a far offset moves the instant out of NodaTime's range: such a year is refused later anyway.
                return result.Value.Year is > 1 and < 9999 ? result.Value.ToInstant() : null;
            }
        }

        foreach (LocalDateTimePattern pattern in LocalPatterns)
        {
            ParseResult<LocalDateTime> result = pattern.Parse(text);
            if (result.Success)
            {
                return ChinaTime.ToInstant(result.Value);
            }
        }

        return null;
    }

    /// <summary>The reason a period text was rejected.</summary>
    public static string Describe(string? text) => string.IsNullOrEmpty(text)
        ? "missing period time"
        : $"'{text}' is not a time; write ISO 8601 with offset (2019-12-18T08:00:00+08:00) or China Standard Time as yyyy-MM-dd HH:mm[:ss]";

    /// <summary>Null when <paramref name="start"/> fits <paramref name="interval"/>; else the reason.</summary>
    public static string? CheckAlignment(Instant start, ObservationInterval interval) => interval switch
    {
        ObservationInterval.Hour when ChinaTime.StartOfHour(start) != start =>
            $"an hour period must start on the hour (China Standard Time); the row's period starts at {ChinaTime.ToOffsetDateTime(start)}",
        ObservationInterval.Day when ChinaTime.StartOfDay(start) != start =>
            $"a day period must start at 00:00 China Standard Time; the row's period starts at {ChinaTime.ToOffsetDateTime(start)}",
        _ => null,
    };
}
