namespace EcoMonitor.Application.Audit;

/// <summary>
/// The result of checking the audit trail's hash chain. When <see cref="IsIntact"/> is false,
/// <see cref="FirstBrokenSequence"/> is the first entry (in stored order) at which the chain breaks and
/// <see cref="Problem"/> says how, in words an operator can act on.
/// </summary>
public sealed record AuditVerification
{
    /// <summary>True when every entry's hash, previous hash and sequence number are as written (and the expected head, if given, is present).</summary>
    public required bool IsIntact { get; init; }

    /// <summary>Entries read.</summary>
    public required long EntriesChecked { get; init; }

    /// <summary>Sequence number of the last entry read (0 when the trail is empty).</summary>
    public required long HeadSequence { get; init; }

    /// <summary>Stored hash of the last entry read (the genesis hash when the trail is empty).</summary>
    public required string HeadHash { get; init; }

    /// <summary>The last entry deleted by the retention (the chain was checked from the one after it); null when none was.</summary>
    public long? PrunedThrough { get; init; }

    /// <summary>Sequence number (position) of the first entry where the chain breaks; null when intact.</summary>
    public long? FirstBrokenSequence { get; init; }

    /// <summary>What is wrong at <see cref="FirstBrokenSequence"/>; null when intact.</summary>
    public string? Problem { get; init; }
}
