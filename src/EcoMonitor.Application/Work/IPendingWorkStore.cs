using NodaTime;

namespace EcoMonitor.Application.Work;

/// <summary>
/// The background work the committed observations left, durable with them (docs/adr/0027). Every append and ingest
/// commit records, <b>in its own transaction</b>, each station-day (<see cref="WorkDay"/>) whose values it inserted or
/// revised: one row per station, interval and CST day with a <c>version</c> that every such commit increments
/// (<see cref="DayChange"/>, reported to the commit listeners). Each consumer (<see cref="WorkKind"/>) records the version
/// it has completed (<see cref="CompleteAsync"/>); a row whose version is above a consumer's is pending for it until a
/// worker completes it, whichever node or process that is, and a row all consumers have completed is removed. A
/// consumer's station-day that keeps failing on its own is set aside with its error (<see cref="FailAsync"/>) until a
/// person asks for a retry (<see cref="RetryAsync"/>). Part of the store contract every engine implements and the
/// conformance suite checks. Thread-safe; a completed write is durable.
/// </summary>
public interface IPendingWorkStore
{
    /// <summary>
    /// Station-days pending for <paramref name="kind"/> (completed version below the row's version, not set aside), with
    /// ids above <paramref name="afterId"/> in id order, changed at or before <paramref name="changedBefore"/> when it is
    /// given; at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<PendingDay>> PendingAsync(WorkKind kind, long afterId, Instant? changedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records what <paramref name="kind"/> has completed (<see cref="WorkMark"/>: a mark advances the completed version
    /// only when every version before its <see cref="WorkMark.From"/> is completed; marks of unknown rows are ignored),
    /// forgets the kind's failed attempts at the marked days (not a set-aside), and removes the rows every consumer has
    /// completed. One transaction.
    /// </summary>
    Task CompleteAsync(WorkKind kind, IReadOnlyList<WorkMark> marks, CancellationToken cancellationToken);

    /// <summary>
    /// Records one more failed attempt of <paramref name="kind"/> at <paramref name="day"/> with its error
    /// <paramref name="message"/> at <paramref name="at"/>; at <paramref name="maxAttempts"/> attempts the day is set aside
    /// for the kind (no longer pending for it) until <see cref="RetryAsync"/>.
    /// </summary>
    Task<WorkFailure> FailAsync(WorkKind kind, WorkDay day, string message, int maxAttempts, Instant at, CancellationToken cancellationToken);

    /// <summary>The set-aside work of every kind, earliest set aside first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SetAsideWork>> SetAsideAsync(int limit, CancellationToken cancellationToken);

    /// <summary>How many station-days each kind has set aside (kinds with none are left out).</summary>
    Task<IReadOnlyDictionary<WorkKind, long>> CountSetAsideAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Puts set-aside work back: removes the set-aside record <paramref name="id"/> (its attempts start again) and returns
    /// it with the day's pending row for its kind; null when no set-aside work has that id.
    /// </summary>
    Task<RetriedWork?> RetryAsync(long id, CancellationToken cancellationToken);
}
