using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Application.Audit;

/// <summary>
/// The audit entry a pruning appends (both stores build it here) and the check that a checkpoint is the one that entry
/// recorded (<see cref="AuditChainVerifier"/>).
/// </summary>
public static class AuditPruning
{
    /// <summary>The actor of a pruning: the retention job (<see cref="AuditRetentionJob"/>).</summary>
    public const string Actor = "system:audit-retention";

    /// <summary>The action of a pruning entry.</summary>
    public const string Action = "audit.pruned";

    /// <summary>The subject type of a pruning entry (its id is <see cref="SubjectId"/>).</summary>
    public const string SubjectType = "audit-trail";

    /// <summary>The subject id of a pruning entry.</summary>
    public const string SubjectId = "audit_entry";

    /// <summary>
    /// The record of deleting the entries after <paramref name="fromSequence"/> through <paramref name="throughSequence"/>,
    /// all recorded before <paramref name="recordedBefore"/>; <paramref name="throughHash"/> is the last one's hash.
    /// </summary>
    public static AuditRecord Record(long fromSequence, long throughSequence, string throughHash, Instant recordedBefore) =>
        new(Actor, Action, SubjectType, SubjectId)
        {
            After = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["throughSequence"] = throughSequence,
                ["throughHash"] = throughHash,
                ["entries"] = throughSequence - fromSequence,
                ["recordedBefore"] = InstantPattern.ExtendedIso.Format(recordedBefore),
            }),
            Reason = string.Create(CultureInfo.InvariantCulture, $"retention: entries recorded before {InstantPattern.ExtendedIso.Format(recordedBefore)} deleted"),
            Address = null,
        };

    /// <summary>Null when <paramref name="entry"/> is the pruning entry that recorded <paramref name="checkpoint"/>; else what is wrong.</summary>
    public static string? Confirms(AuditCheckpoint checkpoint, AuditEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        string expected = $"the audit trail was pruned through entry {checkpoint.ThroughSequence}, but entry {checkpoint.EntrySequence}";
        if (entry is null || entry.Action != Action || entry.After is null)
        {
            return $"{expected} is not the pruning's record: the checkpoint was written without a pruning";
        }

        using var after = JsonDocument.Parse(entry.After);
        bool same = after.RootElement.TryGetProperty("throughSequence", out JsonElement sequence) && sequence.TryGetInt64(out long through)
            && through == checkpoint.ThroughSequence
            && after.RootElement.TryGetProperty("throughHash", out JsonElement hash) && hash.GetString() == checkpoint.ThroughHash;
        return same ? null : $"{expected} recorded another sequence or hash: the checkpoint was changed";
    }
}
