using EcoMonitor.Application.Quality;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Alarms, their append-only timelines and the notification outbox. Part of the store contract every engine
/// implements (SQLite, PostgreSQL) and the conformance suite checks. Thread-safe; a completed write is durable.
/// </summary>
public interface IAlarmStore
{
    /// <summary>
    /// In one transaction: inserts <paramref name="alarm"/> (when its id is 0) or updates it (when its
    /// <see cref="Alarm.Version"/> matches the stored one), appends <paramref name="timelineStep"/> to its timeline (when not
    /// null) and queues <paramref name="notifications"/> (a message whose dedup key exists is skipped). Returns the
    /// alarm as stored (id assigned, version incremented). Throws <see cref="AlarmConflictException"/> when the
    /// stored version differs, or when a new alarm would be a second not-closed alarm of the same subject and rule.
    /// </summary>
    Task<Alarm> SaveAsync(Alarm alarm, AlarmStep? timelineStep, IReadOnlyList<OutboxMessage> notifications, CancellationToken cancellationToken);

    /// <summary>The alarm, or null.</summary>
    Task<Alarm?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The not-closed alarm of a subject and rule, or null.</summary>
    Task<Alarm?> FindOpenAsync(string subject, string ruleId, CancellationToken cancellationToken);

    /// <summary>Alarms matching <paramref name="query"/>, newest raised first (then by id descending).</summary>
    Task<IReadOnlyList<Alarm>> QueryAsync(AlarmQuery query, CancellationToken cancellationToken);

    /// <summary>The timeline of an alarm, by sequence.</summary>
    Task<IReadOnlyList<AlarmStep>> TimelineAsync(long alarmId, CancellationToken cancellationToken);

    /// <summary>Pending outbox messages due at or before <paramref name="now"/>, oldest due first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OutboxMessage>> DueNotificationsAsync(NodaTime.Instant now, int limit, CancellationToken cancellationToken);

    /// <summary>Records an attempt's result: replaces status, attempts, next attempt, last error and delivery time of the message by id.</summary>
    Task UpdateNotificationAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Every outbox message of an alarm, by id.</summary>
    Task<IReadOnlyList<OutboxMessage>> NotificationsAsync(long alarmId, CancellationToken cancellationToken);

    /// <summary>
    /// Review decisions still waiting for the alarm re-evaluation, oldest (lowest id) first, at most <paramref name="limit"/>.
    /// <see cref="IReviewStore.DecideAsync"/> queues every decision it stores, in the decision's transaction, so a
    /// decision is never stored without its pending re-evaluation (docs/adr/0025).
    /// </summary>
    Task<IReadOnlyList<ReviewDecision>> PendingReviewsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Removes the decision from the pending re-evaluations (nothing when it is not pending).</summary>
    Task CompleteReviewAsync(long decisionId, CancellationToken cancellationToken);
}
