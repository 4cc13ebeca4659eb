namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Where every change of an alarm goes: the alarm state, its timeline step (who/when/what) and the notifications it
/// causes, atomically. The one place to also send each step elsewhere (e.g. the hash-chained audit trail): decorate
/// this interface. The default, <see cref="StoreAlarmStepRecorder"/>, writes to <see cref="IAlarmStore"/>.
/// </summary>
public interface IAlarmStepRecorder
{
    /// <summary>Saves <paramref name="alarm"/> with <paramref name="timelineStep"/> (null: a silent update) and queues <paramref name="notifications"/>; returns the alarm as stored.</summary>
    Task<Alarm> RecordAsync(Alarm alarm, AlarmStep? timelineStep, IReadOnlyList<OutboxMessage> notifications, CancellationToken cancellationToken);
}
