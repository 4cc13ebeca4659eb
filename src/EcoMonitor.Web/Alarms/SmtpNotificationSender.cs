using EcoMonitor.Application.Alarms;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EcoMonitor.Web.Alarms;

/// <summary>
/// E-mail channel: one message per notification through the channel's SMTP server (MailKit), UTF-8 text with the JSON
/// inline; the connection secured as the channel says (<see cref="SmtpSecurity"/>) and, when the channel names a user,
/// authenticated (SMTP AUTH, the mechanisms the server offers) with the password from <see cref="AlarmOptions.SmtpPasswords"/>.
/// </summary>
internal sealed class SmtpNotificationSender(IOptionsMonitor<AlarmOptions> options) : INotificationSender
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
        await client.ConnectAsync(channel.SmtpHost ?? throw new InvalidOperationException($"Channel {channel.Id} has no SMTP host."), channel.SmtpPort, Socket(channel.SmtpSecurity), cancellationToken);
        if (channel.SmtpUser is { } user)
        {
            if (!options.CurrentValue.SmtpPasswords.TryGetValue(channel.Id, out string? password) || string.IsNullOrEmpty(password))
            {
                throw new InvalidOperationException($"Channel {channel.Id} authenticates as '{user}' but no password is configured (setting Alarms:SmtpPasswords:{channel.Id}).");
            }

            await client.AuthenticateAsync(user, password, cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
