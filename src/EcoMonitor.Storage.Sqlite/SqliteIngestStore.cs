using System.Diagnostics;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IIngestStore"/> on SQLite: one write transaction per gateway batch (observations with their pending work,
/// packets, raw frames) on the writer connection's prepared statements.
/// </summary>
internal sealed class SqliteIngestStore(SqliteDatabase db, ILogger<SqliteIngestStore> logger) : IIngestStore
{
    /// <inheritdoc />
    public async Task<AppendResult> CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using Activity? activity = SqliteTelemetry.Start("store.commit", batch.Frames.Count, batch.Observations.Count);
        return await db.WriteAsync(writer => Commit(writer, batch), cancellationToken);
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
            : await db.WriteAsync(writer => writer.FindKnownPackets(packets), cancellationToken);
    }

    private AppendResult Commit(SqliteWriter writer, IngestBatch batch)
    {
        long started = Stopwatch.GetTimestamp();
        batch.Outcomes.Clear();
        batch.Changes.Clear();
        long committedAt = SqliteValues.ToColumn(Instant.FromDateTimeOffset(db.TimeProvider.GetUtcNow()));
        AppendResult result;
        try
        {
            result = db.InTransaction(writer, batch.Frames.Count, batch.Observations.Count, w => CommitBatch(w, batch, committedAt));
        }
        catch
        {
            batch.Outcomes.Clear();
            batch.Changes.Clear();
            throw;
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            double elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            StorageLog.BatchCommitted(logger, batch.Frames.Count, batch.Packets.Count, batch.Observations.Count, elapsedMs);
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
