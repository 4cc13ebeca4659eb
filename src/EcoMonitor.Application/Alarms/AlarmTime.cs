using System.Globalization;
using EcoMonitor.Domain;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Application.Alarms;

/// <summary>Instants in alarm evidence, details and notifications: ISO 8601 at +08:00, like the API.</summary>
public static class AlarmTime
{
    private static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.Create("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>", CultureInfo.InvariantCulture, default);

    /// <summary>Formats an instant at +08:00.</summary>
    public static string Format(Instant instant) => Pattern.Format(ChinaTime.ToOffsetDateTime(instant));

    /// <summary>Formats an optional instant.</summary>
    public static string? Format(Instant? instant) => instant is { } i ? Format(i) : null;
}
