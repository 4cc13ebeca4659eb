using NodaTime;

namespace EcoMonitor.Application.Audit;

/// <summary>
/// One entry of the append-only audit trail as stored: the <see cref="AuditRecord"/> with its sequence number
/// (1, 2, 3 … without gaps), the time it was recorded, the hash of the entry before it and its own hash
/// (<see cref="Audit.AuditHash"/>). Read back exactly as stored, so that a verifier can recompute the chain.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Position in the trail, 1 for the first entry.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the store recorded the entry (UTC, millisecond precision).</summary>
    public required Instant RecordedAt { get; init; }

    /// <summary>See <see cref="AuditRecord.Actor"/>.</summary>
    public required string Actor { get; init; }

    /// <summary>See <see cref="AuditRecord.Action"/>.</summary>
    public required string Action { get; init; }

    /// <summary>See <see cref="AuditRecord.SubjectType"/>.</summary>
    public required string SubjectType { get; init; }

    /// <summary>See <see cref="AuditRecord.SubjectId"/>.</summary>
    public required string SubjectId { get; init; }

    /// <summary>See <see cref="AuditRecord.Before"/>.</summary>
    public string? Before { get; init; }

    /// <summary>See <see cref="AuditRecord.After"/>.</summary>
    public string? After { get; init; }

    /// <summary>See <see cref="AuditRecord.Reason"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>See <see cref="AuditRecord.Address"/>.</summary>
    public string? Address { get; init; }

    /// <summary>Hash of the previous entry (64 lower-case hex digits; 64 zeros for the first entry).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>SHA-256 of this entry's canonical form including <see cref="PreviousHash"/>, 64 lower-case hex digits.</summary>
    public required string Hash { get; init; }
}
