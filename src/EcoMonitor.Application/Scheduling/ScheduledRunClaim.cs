using NodaTime;

namespace EcoMonitor.Application.Scheduling;

/// <summary>
/// A claim held on one slot's run: renewing and finishing it succeed only while the store still records this node and
/// attempt, so a node whose lease ran out and was taken over cannot overwrite its successor's run.
/// </summary>
public sealed record ScheduledRunClaim(string Job, Instant Slot, string Node, int Attempt);
