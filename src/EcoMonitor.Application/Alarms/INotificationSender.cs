namespace EcoMonitor.Application.Alarms;

/// <summary>Delivers one notification over one kind of channel (implemented by the host: webhook over HTTP, e-mail over SMTP).</summary>
public interface INotificationSender
{
    /// <summary>The channel kind this sender serves.</summary>
    NotificationChannelKind Kind { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="channel"/>; throws on failure (the dispatcher retries).</summary>
    Task SendAsync(NotificationChannel channel, OutboxMessage message, CancellationToken cancellationToken);
}
