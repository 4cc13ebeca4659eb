using EcoMonitor.Domain;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Web.Api;

/// <summary>
/// Times in the API: ISO 8601 with offset, written at China Standard Time (e.g. <c>2019-12-31T23:00:00+08:00</c>).
/// Input accepts any explicit offset (or Z), or a bare date meaning 00:00 CST of that day. A time without an offset
/// is refused: the API never guesses a time zone.
/// </summary>
internal static class ApiTime
{
    private static readonly OffsetDateTimePattern OutputPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");
    private static readonly OffsetDateTimePattern InputPattern = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    /// <summary>Formats an instant at +08:00.</summary>
    public static string Format(Instant instant) => OutputPattern.Format(ChinaTime.ToOffsetDateTime(instant));

    /// <summary>Formats a CST day as yyyy-MM-dd.</summary>
    public static string FormatDate(LocalDate day) => DatePattern.Format(day);

    /// <summary>Parses an offset date-time or a date (00:00 CST).</summary>
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
            instant = full.Value.ToInstant();
            return true;
        }

        ParseResult<LocalDate> date = DatePattern.Parse(text.Trim());
        if (date.Success)
        {
            instant = ChinaTime.ToInstant(date.Value.AtMidnight());
            return true;
        }

        return false;
    }
}
