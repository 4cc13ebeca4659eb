using EcoMonitor.Application.Storage;
using NodaTime;

namespace EcoMonitor.Application.Ingest;

/// <summary>A snapshot of <see cref="IngestCounters"/> since the process started (for <c>/api/v1/ingest/stats</c>).</summary>
public sealed record IngestStatistics
{
    /// <summary>Frames stored, by the outcome they were archived with.</summary>
    public required IReadOnlyDictionary<RawFrameOutcome, long> FramesByOutcome { get; init; }

    /// <summary>Rejected frames stored, by rejection reason (a frame without a reason counts under "unspecified").</summary>
    public required IReadOnlyDictionary<string, long> RejectionsByReason { get; init; }

    /// <summary>Observations stored as new keys.</summary>
    public long ObservationsInserted { get; init; }

    /// <summary>Observations identical to the stored ones.</summary>
    public long ObservationsUnchanged { get; init; }

    /// <summary>Observations that became a new revision.</summary>
    public long ObservationsRevised { get; init; }

    /// <summary>Batches committed.</summary>
    public long BatchesCommitted { get; init; }

    /// <summary>Batches whose commit failed (their senders were not acknowledged).</summary>
    public long BatchesFailed { get; init; }

    /// <summary>When the last batch was committed, or null before the first.</summary>
    public Instant? LastCommitAt { get; init; }
}
