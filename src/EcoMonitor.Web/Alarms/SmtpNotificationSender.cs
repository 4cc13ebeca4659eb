using EcoMonitor.Application.Alarms;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace EcoMonitor.Web.Alarms;

/// <summary>E-mail channel: one message per notification through the channel's SMTP server (MailKit), UTF-8 text with the JSON attached inline.</summary>
internal sealed class SmtpNotificationSender : INotificationSender
{
    public NotificationChannelKind Kind => NotificationChannelKind.Email;

    public async Task SendAsync(NotificationChannel channel, OutboxMessage message, CancellationToken cancellationToken)
    {
        using MimeMessage mail = new();
        mail.From.Add(MailboxAddress.Parse(channel.From ?? throw new InvalidOperationException($"Channel {channel.Id} has no sender address.")));
        foreach (string to in channel.To)
        {
            mail.To.Add(MailboxAddress.Parse(to));
        }

        mail.Subject = NotificationEnvelope.Subject(message);
        mail.Headers.Add("X-EcoMonitor-Message-Id", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        mail.Body = new TextPart("plain") { Text = NotificationEnvelope.Json(message) };
        using SmtpClient client = new();
        await client.ConnectAsync(channel.SmtpHost ?? throw new InvalidOperationException($"Channel {channel.Id} has no SMTP host."), channel.SmtpPort, SecureSocketOptions.Auto, cancellationToken);
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
