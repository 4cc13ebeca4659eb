using NodaTime;

namespace EcoMonitor.Application.Audit;

/// <summary>
/// Where the retained audit trail starts after pruning (docs/audit.md "Retention"): every entry up to
/// <see cref="ThroughSequence"/> was deleted, and <see cref="ThroughHash"/> — the hash of the last deleted entry — is
/// what the first retained entry's previous hash must be. The pruning itself is an entry of the chain
/// (<see cref="EntrySequence"/>, action <see cref="AuditPruning.Action"/>) that names the same sequence and hash, so a
/// checkpoint row written without a pruning is found by the verifier.
/// </summary>
/// <param name="ThroughSequence">The last deleted entry.</param>
/// <param name="ThroughHash">Its hash.</param>
/// <param name="EntrySequence">The <c>audit.pruned</c> entry that recorded this pruning.</param>
/// <param name="Pruned">Entries deleted by this pruning.</param>
/// <param name="PrunedAt">When.</param>
public sealed record AuditCheckpoint(long ThroughSequence, string ThroughHash, long EntrySequence, long Pruned, Instant PrunedAt);
