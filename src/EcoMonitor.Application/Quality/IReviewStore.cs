using EcoMonitor.Application.Audit;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// Review decisions (数据审核), append-only. Each decision is stored in the same transaction as its audit-trail entry,
/// so a decision never exists without its trail. Implementations are thread-safe; a completed write is durable.
/// </summary>
public interface IReviewStore
{
    /// <summary>
    /// Stores the decisions and, with each, the audit record at the same index (whose entry's sequence number the stored
    /// decision carries), all in one transaction; returns the stored decisions. In the same transaction each decision is
    /// queued for the alarm re-evaluation (<see cref="Alarms.IAlarmStore.PendingReviewsAsync"/>, docs/adr/0025).
    /// </summary>
    Task<IReadOnlyList<ReviewDecision>> DecideAsync(IReadOnlyList<ReviewDecision> decisions, IReadOnlyList<AuditRecord> audit, CancellationToken cancellationToken);

    /// <summary>Decisions about the station's <paramref name="interval"/> values whose range overlaps <paramref name="periods"/>, oldest first.</summary>
    Task<IReadOnlyList<ReviewDecision>> QueryDecisionsAsync(StationId station, ObservationInterval interval, Interval periods, CancellationToken cancellationToken);
}
