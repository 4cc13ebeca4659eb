using NodaTime;

namespace EcoMonitor.Application.Scheduling;

/// <summary>One job's run for one schedule slot, as the store holds it (<see cref="IScheduledRunStore"/>).</summary>
public sealed record ScheduledRun
{
    /// <summary>The job's name, e.g. <c>storage.partitions</c>.</summary>
    public required string Job { get; init; }

    /// <summary>The start of the slot (UTC, aligned to the job's interval since the Unix epoch).</summary>
    public required Instant Slot { get; init; }

    /// <summary>The node that holds or held the run last (<see cref="ScheduleOptions.NodeName"/>).</summary>
    public required string Node { get; init; }

    /// <summary>1 for the first claim, one more for each takeover after a lease ran out.</summary>
    public required int Attempt { get; init; }

    public required Instant ClaimedAt { get; init; }

    public required Instant LeaseUntil { get; init; }

    /// <summary>When the run ended; null while it runs (or until its lease runs out and another node takes it over).</summary>
    public Instant? FinishedAt { get; init; }

    /// <summary>Why the run failed; null when it succeeded or has not ended.</summary>
    public string? Error { get; init; }
}
