using NodaTime;

namespace EcoMonitor.Application.Audit;

/// <summary>
/// The durable, append-only, hash-chained audit trail (docs/audit.md). There is no update, and no delete but the
/// pruning of the oldest entries under a configured retention (<see cref="PruneAsync"/>); the store
/// assigns sequence numbers without gaps and computes each entry's hash with <see cref="Audit.AuditHash"/> over the
/// entry and the hash of the entry before it, inside the write transaction, so the chain is linear even with several
/// writers. Implementations are thread-safe; a completed append is durable.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends the records in order, in one transaction, and returns the stored entries.</summary>
    Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Entries exactly as stored with a sequence number greater than <paramref name="afterSequence"/>, in ascending
    /// sequence order, at most <paramref name="limit"/> — the verifier pages through the whole trail with it.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Entries matching <paramref name="query"/>, newest (highest sequence) first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>The latest pruning's checkpoint — where the retained trail starts — or null when nothing was ever pruned.</summary>
    Task<AuditCheckpoint?> ReadCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the oldest entries recorded before <paramref name="recordedBefore"/>, at most <paramref name="maxEntries"/>
    /// of them and never past the first entry recorded at or after it, in one transaction that also appends the
    /// <see cref="AuditPruning.Record"/> entry and stores the new <see cref="AuditCheckpoint"/> (the store's triggers let
    /// a delete through only up to the latest checkpoint). Null when there was nothing to delete.
    /// </summary>
    Task<AuditCheckpoint?> PruneAsync(Instant recordedBefore, int maxEntries, CancellationToken cancellationToken);
}
