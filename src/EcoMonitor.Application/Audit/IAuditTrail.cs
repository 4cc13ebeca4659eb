
namespace EcoMonitor.Application.Audit;

/// <summary>
/// What features call to record a change in the audit trail (registry, review, configuration, alarm workflow …).
/// Record after the change is durable and before reporting success to the caller; a failed record propagates (a
/// change without its trail is not silently accepted). Thread-safe.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends one record; returns the stored entry.</summary>
    Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Appends several records in order, atomically; returns the stored entries.</summary>
    Task<IReadOnlyList<AuditEntry>> RecordAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);
}
