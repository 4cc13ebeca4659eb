
namespace EcoMonitor.Application.Audit;

/// <summary>
/// Recomputes the audit trail's hash chain from the stored entries and reports the first entry where it breaks:
/// a changed entry (its hash no longer matches its content), a deleted or inserted entry (a gap or a repeat in the
/// sequence, or a previous hash that is not the hash of the entry before), a reordered entry (both). Reads the trail
/// in pages, so memory stays flat for any length. After a pruning the chain starts at the latest
/// <see cref="AuditCheckpoint"/> — its first retained entry must follow the checkpoint's hash — and the checkpoint must
/// be the one the chain's own <c>audit.pruned</c> entry recorded (<see cref="AuditPruning.Confirms"/>).
/// </summary>
public sealed class AuditChainVerifier
{
    private const int PageSize = 1000;
    private readonly IAuditLog _log;

    /// <summary>Creates a verifier over <paramref name="log"/>.</summary>
    public AuditChainVerifier(IAuditLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
    }

    /// <summary>
    /// Verifies the whole chain; with <paramref name="anchor"/>, also that the anchored entry is still there with the
    /// same hash (which catches entries cut off the end and a trail rewritten from the start).
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(AuditAnchor? anchor, CancellationToken cancellationToken)
    {
        AuditCheckpoint? checkpoint = await _log.ReadCheckpointAsync(cancellationToken);
        long expectedSequence = checkpoint is null ? 1 : checkpoint.ThroughSequence + 1;
        string previousHash = checkpoint?.ThroughHash ?? AuditHash.Genesis;
        long checkedCount = 0;
        bool isCheckpointConfirmed = checkpoint is null;
        bool isAnchorSeen = false;
        if (anchor is { } old && checkpoint is not null && old.Sequence <= checkpoint.ThroughSequence)
        {
            isAnchorSeen = true;
            if (AnchorBeforeCheckpoint(old, checkpoint) is { } anchorProblem)
            {
                return Broken(0, checkpoint.ThroughSequence, checkpoint.ThroughHash, old.Sequence, anchorProblem);
            }
        }

        while (true)
        {
            IReadOnlyList<AuditEntry> page = await _log.ReadAsync(expectedSequence - 1, PageSize, cancellationToken);
            foreach (AuditEntry entry in page)
            {
                checkedCount++;
                string? problem = Check(entry, expectedSequence, previousHash);
                if (problem is null && checkpoint is not null && entry.Sequence == checkpoint.EntrySequence)
                {
                    problem = AuditPruning.Confirms(checkpoint, entry);
                    isCheckpointConfirmed = true;
                }

                if (problem is null && anchor is { } a && a.Sequence == entry.Sequence)
                {
                    isAnchorSeen = true;
                    problem = a.Hash == entry.Hash ? null : $"entry {entry.Sequence} is not the entry anchored earlier (hash {entry.Hash}, anchor {a.Hash}): the trail was rewritten from here or before";
                }

                if (problem is not null)
                {
                    return Broken(checkedCount, expectedSequence - 1, previousHash, Math.Min(entry.Sequence, expectedSequence), problem);
                }

                previousHash = entry.Hash;
                expectedSequence++;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        long head = expectedSequence - 1;
        if (!isCheckpointConfirmed)
        {
            return Broken(checkedCount, head, previousHash, checkpoint!.EntrySequence, AuditPruning.Confirms(checkpoint, null)!);
        }

        if (anchor is { } expected && !isAnchorSeen)
        {
            return Broken(checkedCount, head, previousHash, head + 1,
                $"the trail ends at entry {head} but entry {expected.Sequence} was anchored earlier: entries were removed from the end");
        }

        return new AuditVerification
        {
            IsIntact = true, EntriesChecked = checkedCount, HeadSequence = head, HeadHash = previousHash, PrunedThrough = checkpoint?.ThroughSequence,
        };
    }

    /// <summary>
    /// An anchor taken before a pruning: the checkpoint's own entry can be compared; an older one names an entry that is
    /// gone by design and is accepted (the pruning entry in the chain records what was deleted).
    /// </summary>
    private static string? AnchorBeforeCheckpoint(AuditAnchor anchor, AuditCheckpoint checkpoint) =>
        anchor.Sequence == checkpoint.ThroughSequence && anchor.Hash != checkpoint.ThroughHash
            ? $"entry {anchor.Sequence} was pruned with hash {checkpoint.ThroughHash}, not the anchored {anchor.Hash}: the trail was rewritten from here or before"
            : null;

    private static string? Check(AuditEntry entry, long expectedSequence, string previousHash)
    {
        if (entry.Sequence != expectedSequence)
        {
            return entry.Sequence > expectedSequence
                ? $"entry {expectedSequence} is missing (the next stored entry is {entry.Sequence}): entries were deleted"
                : $"entry {entry.Sequence} appears out of order where entry {expectedSequence} belongs";
        }

        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return $"entry {entry.Sequence} does not follow the entry before it (its previous hash {entry.PreviousHash} is not {previousHash}): an entry was inserted, deleted or reordered";
        }

        string recomputed = AuditHash.Compute(entry);
        return string.Equals(recomputed, entry.Hash, StringComparison.Ordinal)
            ? null
            : $"entry {entry.Sequence} was changed after it was written (its content hashes to {recomputed}, stored {entry.Hash})";
    }

    private static AuditVerification Broken(long checkedCount, long headSequence, string headHash, long firstBroken, string problem) => new()
    {
        IsIntact = false,
        EntriesChecked = checkedCount,
        HeadSequence = headSequence,
        HeadHash = headHash,
        FirstBrokenSequence = firstBroken,
        Problem = problem,
    };
}
