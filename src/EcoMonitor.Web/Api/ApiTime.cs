using EcoMonitor.Domain;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Web.Api;

/// <summary>
/// Times in the API: ISO 8601 with offset, written at China Standard Time (e.g. <c>2019-12-31T23:00:00+08:00</c>).
/// Input accepts any explicit offset (or Z), or a bare date meaning 00:00 CST of that day. A time without an offset
/// is refused: the API never guesses a time zone; so is a time outside the supported years 2000–2099 (CST), so that no
/// query reaches date arithmetic at the ends of the calendar.
/// </summary>
internal static class ApiTime
{
    /// <summary>What a time in a query may be, for error messages.</summary>
    public const string Expected = "ISO 8601 with offset (e.g. 2019-12-31T00:00:00+08:00) or a date, from 2000-01-01 to 2099-12-31";

    /// <summary>The first supported day (China Standard Time).</summary>
    public static readonly LocalDate FirstDay = new(2000, 1, 1);

    /// <summary>The last supported day (China Standard Time).</summary>
    public static readonly LocalDate LastDay = new(2099, 12, 31);

    private static readonly Instant Earliest = ChinaTime.ToInstant(FirstDay.AtMidnight());
    private static readonly Instant Latest = ChinaTime.ToInstant(LastDay.PlusDays(1).AtMidnight());

    private static readonly OffsetDateTimePattern OutputPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");
    private static readonly OffsetDateTimePattern InputPattern = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    /// <summary>Formats an instant at +08:00.</summary>
    public static string Format(Instant instant) => OutputPattern.Format(ChinaTime.ToOffsetDateTime(instant));

    /// <summary>Formats a CST day as yyyy-MM-dd.</summary>
    public static string FormatDate(LocalDate day) => DatePattern.Format(day);

    /// <summary>Parses an offset date-time or a date (00:00 CST) within the supported years (the end of 2099-12-31 included).</summary>
    public static bool TryParse(string? text, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ParseResult<OffsetDateTime> full = InputPattern.Parse(text.Trim());
        if (full.Success)
        {
            // The local year first: at the ends of the calendar a far offset moves the instant out of range.
            if (full.Value.Year < FirstDay.Year - 1 || full.Value.Year > LastDay.Year + 1)
            {
                return false;
            }

            instant = full.Value.ToInstant();
            return instant >= Earliest && instant <= Latest;
        }

        // A date as an exclusive end may be the day after the last one.
        ParseResult<LocalDate> date = DatePattern.Parse(text.Trim());
        if (date.Success && date.Value >= FirstDay && date.Value <= LastDay.PlusDays(1))
        {
            instant = ChinaTime.ToInstant(date.Value.AtMidnight());
            return true;
        }

        return false;
    }

    /// <summary>Parses a date (yyyy-MM-dd) within the supported years.</summary>
    public static bool TryParseDate(string? text, out LocalDate day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text) || DatePattern.Parse(text.Trim()) is not { Success: true } parsed || parsed.Value < FirstDay || parsed.Value > LastDay)
        {
            return false;
        }

        day = parsed.Value;
        return true;
    }
}
