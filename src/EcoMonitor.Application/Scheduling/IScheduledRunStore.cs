using NodaTime;

namespace EcoMonitor.Application.Scheduling;

/// <summary>
/// The runs of scheduled work, one row per job and schedule slot, shared by every node on the store (docs/adr/0029):
/// a node claims a slot's run before doing the work, holds the claim for a lease it renews while it works, and
/// records the end. A slot whose run ended is never run again; a claim whose lease ran out unfinished (its node died or
/// lost the store mid-run) is taken over by the next node that asks. Thread-safe.
/// </summary>
public interface IScheduledRunStore
{
    /// <summary>
    /// Claims the run of <paramref name="job"/> for <paramref name="slot"/> for <paramref name="node"/> until
    /// <paramref name="leaseUntil"/>: succeeds when the slot has no run yet, or its run is unfinished and its lease ended
    /// at or before <paramref name="now"/> (a takeover: the attempt number goes up). Otherwise returns the run as it is
    /// (finished, or held by a node whose lease still holds). At most one caller succeeds per slot and lease.
    /// </summary>
    Task<ScheduledRunClaimResult> TryClaimAsync(string job, Instant slot, string node, Instant now, Instant leaseUntil, CancellationToken cancellationToken);

    /// <summary>Extends the lease of <paramref name="claim"/>; false when it is no longer held (ended, or taken over).</summary>
    Task<bool> RenewAsync(ScheduledRunClaim claim, Instant leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Records the end of <paramref name="claim"/>'s run at <paramref name="finishedAt"/>, with <paramref name="failure"/>
    /// (the error text) when it failed (the slot is not run again; the next slot is); false when the claim was no
    /// longer held.
    /// </summary>
    Task<bool> FinishAsync(ScheduledRunClaim claim, Instant finishedAt, string? failure, CancellationToken cancellationToken);

    /// <summary>The runs of <paramref name="job"/> (every job when null), newest slot first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ScheduledRun>> RecentRunsAsync(string? job, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the runs of slots before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteRunsBeforeAsync(Instant before, CancellationToken cancellationToken);
}
