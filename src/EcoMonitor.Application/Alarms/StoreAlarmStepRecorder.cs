
namespace EcoMonitor.Application.Alarms;

/// <summary>Records alarm steps in the alarm store (one transaction per step) and wakes the notification dispatcher.</summary>
public sealed class StoreAlarmStepRecorder(IAlarmStore store, NotificationWakeup wakeup) : IAlarmStepRecorder
{
    /// <inheritdoc />
    public async Task<Alarm> RecordAsync(Alarm alarm, AlarmStep? timelineStep, IReadOnlyList<OutboxMessage> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        Alarm saved = await store.SaveAsync(alarm, timelineStep, notifications, cancellationToken);
        if (notifications.Count > 0)
        {
            wakeup.Wake();
        }

        return saved;
    }
}
