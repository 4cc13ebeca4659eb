
namespace EcoMonitor.Application.Audit;

/// <summary>The audit trail over the store's <see cref="IAuditLog"/>. Thread-safe (the store serialises appends).</summary>
public sealed class AuditTrail : IAuditTrail
{
    private readonly IAuditLog _log;

    /// <summary>Creates the trail over <paramref name="log"/>.</summary>
    public AuditTrail(IAuditLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
    }

    /// <inheritdoc />
    public async Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        IReadOnlyList<AuditEntry> entries = await _log.AppendAsync([record], cancellationToken);
        return entries[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> RecordAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Count == 0 ? Task.FromResult<IReadOnlyList<AuditEntry>>([]) : _log.AppendAsync(records, cancellationToken);
    }
}
