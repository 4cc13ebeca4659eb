using System.Globalization;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// A destination for alarm notifications, with the lowest severity it takes and its quiet hours (China Standard
/// Time; critical alarms are sent during quiet hours, others wait for their end).
/// </summary>
public sealed record NotificationChannel
{
    /// <summary>Id rules refer to.</summary>
    public required string Id { get; init; }

    /// <summary>Webhook or e-mail.</summary>
    public required NotificationChannelKind Kind { get; init; }

    /// <summary>Webhook URL.</summary>
    public Uri? Url { get; init; }

    /// <summary>SMTP host.</summary>
    public string? SmtpHost { get; init; }

    /// <summary>SMTP port.</summary>
    public int SmtpPort { get; init; } = 25;

    /// <summary>E-mail: the user to authenticate as, or null for no authentication (password: <see cref="AlarmOptions.SmtpPasswords"/>).</summary>
    public string? SmtpUser { get; init; }

    /// <summary>E-mail: how the connection is secured.</summary>
    public SmtpSecurity SmtpSecurity { get; init; } = SmtpSecurity.Auto;

    /// <summary>Sender address.</summary>
    public string? From { get; init; }

    /// <summary>Recipients.</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>Lowest severity sent.</summary>
    public AlarmSeverity MinSeverity { get; init; } = AlarmSeverity.Notice;

    /// <summary>Start of quiet hours (local CST), or null.</summary>
    public LocalTime? QuietFrom { get; init; }

    /// <summary>End of quiet hours (local CST, exclusive).</summary>
    public LocalTime? QuietTo { get; init; }

    /// <summary>
    /// When a message of <paramref name="severity"/> created at <paramref name="now"/> may be sent: now, or the end
    /// of the quiet hours it falls in.
    /// </summary>
    public Instant SendAt(Instant now, AlarmSeverity severity)
    {
        if (QuietFrom is not { } from || QuietTo is not { } to || severity >= AlarmSeverity.Critical)
        {
            return now;
        }

        LocalDateTime local = Domain.ChinaTime.ToLocal(now);
        LocalTime time = local.TimeOfDay;
        bool isQuiet = from <= to ? time >= from && time < to : time >= from || time < to;
        if (!isQuiet)
        {
            return now;
        }

        LocalDate endDay = from > to && time >= from ? local.Date.PlusDays(1) : local.Date;
        return Domain.ChinaTime.ToInstant(endDay.At(to));
    }

    /// <summary>Builds a channel, or returns null after adding its problems to <paramref name="errors"/>.</summary>
    public static NotificationChannel? TryRead(NotificationChannelDocument document, string where, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(errors);
        int before = errors.Count;
        string label = document.Id is null ? where : $"{where} '{document.Id}'";
        if (string.IsNullOrWhiteSpace(document.Id))
        {
            errors.Add($"{label} id: missing");
        }

        if (!AlarmNames.TryParse(document.Kind, out NotificationChannelKind kind))
        {
            errors.Add($"{label} kind: '{document.Kind}' is not one of {AlarmNames.List<NotificationChannelKind>()}");
        }

        Uri? url = null;
        if (kind == NotificationChannelKind.Webhook
            && (!Uri.TryCreate(document.Url, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            errors.Add($"{label} url: '{document.Url}' is not an absolute http(s) URL");
        }

        if (kind == NotificationChannelKind.Email && (string.IsNullOrWhiteSpace(document.SmtpHost) || string.IsNullOrWhiteSpace(document.From) || document.To is not { Count: > 0 }))
        {
            errors.Add($"{label}: an e-mail channel needs smtpHost, from and at least one address in to");
        }

        SmtpSecurity security = SmtpSecurity.Auto;
        if (document.SmtpSecurity is not null && !AlarmNames.TryParse(document.SmtpSecurity, out security))
        {
            errors.Add($"{label} smtpSecurity: '{document.SmtpSecurity}' is not one of {AlarmNames.List<SmtpSecurity>()}");
        }

        AlarmSeverity minSeverity = AlarmSeverity.Notice;
        if (document.MinSeverity is not null && !AlarmNames.TryParse(document.MinSeverity, out minSeverity))
        {
            errors.Add($"{label} minSeverity: '{document.MinSeverity}' is not one of {AlarmNames.List<AlarmSeverity>()}");
        }

        LocalTime? quietFrom = null;
        LocalTime? quietTo = null;
        if (document.QuietHours is { } quiet)
        {
            string[] parts = quiet.Split('-');
            if (parts.Length == 2 && TimeOnly.TryParseExact(parts[0].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly a)
                && TimeOnly.TryParseExact(parts[1].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly b) && a != b)
            {
                quietFrom = new LocalTime(a.Hour, a.Minute);
                quietTo = new LocalTime(b.Hour, b.Minute);
            }
            else
            {
                errors.Add($"{label} quietHours: '{quiet}' is not of the form HH:mm-HH:mm (China Standard Time)");
            }
        }

        if (errors.Count != before)
        {
            return null;
        }

        return new NotificationChannel
        {
            Id = document.Id!, Kind = kind, Url = url, SmtpHost = document.SmtpHost, SmtpPort = document.SmtpPort ?? 25,
            From = document.From, To = document.To ?? [], MinSeverity = minSeverity, QuietFrom = quietFrom, QuietTo = quietTo,
            SmtpUser = string.IsNullOrWhiteSpace(document.SmtpUser) ? null : document.SmtpUser.Trim(), SmtpSecurity = security,
        };
    }
}
