namespace EcoMonitor.Application.Audit;

/// <summary>
/// The durable, append-only, hash-chained audit trail (docs/audit.md). There is no update and no delete; the store
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
}
