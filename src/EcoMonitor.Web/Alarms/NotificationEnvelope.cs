using System.Text.Json;
using EcoMonitor.Application.Alarms;

namespace EcoMonitor.Web.Alarms;

/// <summary>The body sent for an outbox message: which alarm, which event, the message id (for idempotent receivers) and the alarm as it was.</summary>
internal static class NotificationEnvelope
{
    /// <summary>The JSON body of a webhook call.</summary>
    public static string Json(OutboxMessage message)
    {
        using var alarm = JsonDocument.Parse(message.Payload);
        return JsonSerializer.Serialize(new
        {
            messageId = message.Id,
            alarmId = message.AlarmId,
            @event = message.Event,
            link = $"/api/v1/alarms/{message.AlarmId}",
            alarm = alarm.RootElement,
        });
    }

    /// <summary>The subject line of an e-mail.</summary>
    public static string Subject(OutboxMessage message)
    {
        using var alarm = JsonDocument.Parse(message.Payload);
        JsonElement root = alarm.RootElement;
        return $"[EcoMonitor {root.GetProperty("severity").GetString()}] {message.Event}: {root.GetProperty("ruleName").GetString()} — {root.GetProperty("subjectName").GetString()} (alarm {message.AlarmId})";
    }
}
