using System.Text;
using EcoMonitor.Application.Alarms;

namespace EcoMonitor.Web.Alarms;

/// <summary>Webhook channel: POSTs the JSON envelope; any 2xx answer is a delivery, anything else a failure (retried).</summary>
internal sealed class WebhookNotificationSender : INotificationSender, IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    public NotificationChannelKind Kind => NotificationChannelKind.Webhook;

    public async Task SendAsync(NotificationChannel channel, OutboxMessage message, CancellationToken cancellationToken)
    {
        using StringContent content = new(NotificationEnvelope.Json(message), Encoding.UTF8, "application/json");
        using HttpRequestMessage request = new(HttpMethod.Post, channel.Url) { Content = content };
        request.Headers.Add("X-EcoMonitor-Event", message.Event);
        request.Headers.Add("X-EcoMonitor-Message-Id", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using HttpResponseMessage response = await _client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{channel.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }

    public void Dispose() => _client.Dispose();
}
