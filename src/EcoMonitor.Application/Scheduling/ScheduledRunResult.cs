using NodaTime;

namespace EcoMonitor.Application.Scheduling;

/// <summary>The outcome of asking to run a slot, and when to ask again.</summary>
public sealed record ScheduledRunResult(ScheduledRunOutcome Outcome, Instant NextAttempt);
