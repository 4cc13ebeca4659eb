namespace EcoMonitor.Application.Storage;

/// <summary>
/// The durable write path of ingestion: archives frames, records packet identities and appends observations of a
/// batch in one transaction. When the returned task completes the batch is durable (it survives a crash) and the
/// gateway may acknowledge. Thread-safe, but callers batch through one writer for throughput.
/// </summary>
public interface IIngestStore
{
    /// <summary>Commits the batch atomically and returns what the observations did.</summary>
    Task<AppendResult> CommitAsync(IngestBatch batch, CancellationToken cancellationToken);

    /// <summary>Which of these packets were already committed (resends).</summary>
    Task<IReadOnlySet<PacketId>> FindKnownPacketsAsync(IReadOnlyCollection<PacketId> packets, CancellationToken cancellationToken);
}
