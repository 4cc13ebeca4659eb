using System.Text.Json;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Which notifications an alarm event causes: one per channel of the rule whose minimum severity the alarm reaches,
/// due now or at the end of the channel's quiet hours, with a dedup key per alarm, event and channel (so a repeated
/// evaluation never queues the same notification twice). The payload is the alarm as it was at the event (JSON).
/// </summary>
public static class NotificationPlanner
{
    /// <summary>The messages for <paramref name="alarmEvent"/> (raised, escalated-N, recurred-N, invalidated-&lt;decision&gt;) of <paramref name="alarm"/>.</summary>
    public static IReadOnlyList<OutboxMessage> Plan(Alarm alarm, AlarmRule? rule, string alarmEvent, AlarmRuleSnapshot snapshot, Instant now)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (rule is null || rule.Channels.Count == 0)
        {
            return [];
        }

        List<OutboxMessage> messages = [];
        string? payload = null;
        foreach (string channelId in rule.Channels)
        {
            if (!snapshot.Channels.TryGetValue(channelId, out NotificationChannel? channel) || alarm.Severity < channel.MinSeverity)
            {
                continue;
            }

            payload ??= Payload(alarm, rule, alarmEvent);
            messages.Add(new OutboxMessage
            {
                ChannelId = channelId, DedupKey = $"{alarmEvent}:{channelId}", Event = alarmEvent, Payload = payload, CreatedAt = now,
                NextAttemptAt = channel.SendAt(now, alarm.Severity),
            });
        }

        return messages;
    }

    private static string Payload(Alarm alarm, AlarmRule rule, string alarmEvent) => JsonSerializer.Serialize(
        new
        {
            @event = alarmEvent,
            ruleId = rule.Id,
            ruleName = rule.Name,
            kind = AlarmNames.Of(alarm.Kind),
            subject = alarm.Subject,
            subjectName = alarm.SubjectName,
            region = alarm.Region,
            enterprise = alarm.Enterprise,
            parameter = alarm.Parameter?.Value,
            severity = AlarmNames.Of(alarm.Severity),
            state = AlarmNames.Of(alarm.State),
            limit = alarm.Limit,
            peak = alarm.Peak,
            hits = alarm.Hits,
            firstPeriod = AlarmTime.Format(alarm.FirstPeriod),
            lastPeriod = AlarmTime.Format(alarm.LastPeriod),
            raisedAt = AlarmTime.Format(alarm.RaisedAt),
        },
        AlarmRuleReader.Json);
}
