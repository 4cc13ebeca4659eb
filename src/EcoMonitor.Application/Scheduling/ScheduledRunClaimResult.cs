namespace EcoMonitor.Application.Scheduling;

/// <summary>What <see cref="IScheduledRunStore.TryClaimAsync"/> found: the claim when it succeeded, and the slot's run after the attempt.</summary>
public sealed record ScheduledRunClaimResult(ScheduledRunClaim? Claim, ScheduledRun Run)
{
    public bool Claimed => Claim is not null;
}
