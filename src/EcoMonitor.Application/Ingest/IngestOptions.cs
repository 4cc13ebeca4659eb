using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Application.Ingest;

/// <summary>Sizes of the ingest pipeline. Bound from <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Ingest";

    /// <summary>Items the pipeline holds before <see cref="IngestPipeline.SubmitAsync"/> waits (back-pressure).</summary>
    [Range(1, 1_000_000)]
    public int Capacity { get; set; } = 10_000;

    /// <summary>Most items (frames) committed in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>Most observations in one transaction; a batch closes once it reaches this many (one item may exceed it).</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchObservations { get; set; } = 20_000;

    /// <summary>
    /// How long a batch that is not full waits for more items before it is committed. Zero commits whatever is
    /// queued at once; items queued while a commit runs form the next batch either way (group commit).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromMilliseconds(2);
}
