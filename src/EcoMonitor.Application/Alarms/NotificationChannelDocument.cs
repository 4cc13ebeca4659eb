namespace EcoMonitor.Application.Alarms;

/// <summary>A notification channel as written in the rule file (see docs/alarms.md).</summary>
public sealed class NotificationChannelDocument
{
    /// <summary>Id rules refer to.</summary>
    public string? Id { get; set; }

    /// <summary>webhook or email.</summary>
    public string? Kind { get; set; }

    /// <summary>Webhook: the absolute http(s) URL.</summary>
    public string? Url { get; set; }

    /// <summary>E-mail: SMTP host.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>E-mail: SMTP port (default 25).</summary>
    public int? SmtpPort { get; set; }

    /// <summary>E-mail: the user to authenticate as (SMTP AUTH); the password is a secret from configuration, <c>Alarms:SmtpPasswords:&lt;channel id&gt;</c>.</summary>
    public string? SmtpUser { get; set; }

    /// <summary>E-mail: auto (default), startTls, sslOnConnect or none.</summary>
    public string? SmtpSecurity { get; set; }

    /// <summary>E-mail: sender address.</summary>
    public string? From { get; set; }

    /// <summary>E-mail: recipients.</summary>
    public IReadOnlyList<string>? To { get; set; }

    /// <summary>Lowest severity sent (default notice: everything).</summary>
    public string? MinSeverity { get; set; }

    /// <summary>Quiet hours in China Standard Time, "22:00-07:00": non-critical messages wait until the end.</summary>
    public string? QuietHours { get; set; }
}
