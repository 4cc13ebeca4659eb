namespace EcoMonitor.Application.Alarms;

/// <summary>How a channel delivers.</summary>
public enum NotificationChannelKind
{
    /// <summary>HTTP POST of a JSON body to <see cref="NotificationChannel.Url"/>; any 2xx is delivered.</summary>
    Webhook,

    /// <summary>An e-mail through an SMTP server.</summary>
    Email,
}
