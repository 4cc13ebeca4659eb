using System.Diagnostics;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public async Task<AppendResult> CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using Activity? activity = SqliteTelemetry.Start("store.commit", batch.Frames.Count, batch.Observations.Count);
        return await WriteAsync(writer => Commit(writer, batch), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Looks the packets up on the writer connection, between write transactions, through a prepared statement: a
    /// batch's lookups cost microseconds each instead of a pooled connection and a command per packet.
    /// </remarks>
    public async Task<IReadOnlySet<PacketId>> FindKnownPacketsAsync(IReadOnlyCollection<PacketId> packets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packets);
        return packets.Count == 0
            ? new HashSet<PacketId>()
            : await WriteAsync(writer => writer.FindKnownPackets(packets), cancellationToken);
    }

    private AppendResult Commit(SqliteWriter writer, IngestBatch batch)
    {
        long started = Stopwatch.GetTimestamp();
        batch.Outcomes.Clear();
        batch.Changes.Clear();
        long committedAt = SqliteValues.ToColumn(Instant.FromDateTimeOffset(_timeProvider.GetUtcNow()));
        AppendResult result;
        try
        {
            result = InTransaction(writer, batch.Frames.Count, batch.Observations.Count, w => CommitBatch(w, batch, committedAt));
        }
        catch
        {
            batch.Outcomes.Clear();
            batch.Changes.Clear();
            throw;
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            double elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            StorageLog.BatchCommitted(_logger, batch.Frames.Count, batch.Packets.Count, batch.Observations.Count, elapsedMs);
        }
        return result;
    }

    // Observations first, frames last: a failure anywhere rolls back the whole batch, whatever the order.
    private static AppendResult CommitBatch(SqliteWriter w, IngestBatch batch, long committedAt)
    {
        AppendResult appended = w.Append(batch.Observations, batch.Outcomes, batch.Changes, committedAt);
        foreach (PacketId packet in batch.Packets)
        {
            w.InsertPacket(packet, committedAt);
        }

        foreach (RawFrame frame in batch.Frames)
        {
            w.InsertFrame(frame);
        }

        return appended;
    }
}
