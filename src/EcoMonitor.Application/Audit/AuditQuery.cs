namespace EcoMonitor.Application.Audit;

/// <summary>A filter over the audit trail: entries of one subject type (and id), newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>Only entries of this subject type; null for all.</summary>
    public string? SubjectType { get; init; }

    /// <summary>Only entries of this subject id (with <see cref="SubjectType"/>); null for all.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Only entries with a sequence number below this one (paging backwards); null for the newest.</summary>
    public long? BeforeSequence { get; init; }

    /// <summary>Upper bound on entries returned.</summary>
    public int Limit { get; init; } = 100;
}
