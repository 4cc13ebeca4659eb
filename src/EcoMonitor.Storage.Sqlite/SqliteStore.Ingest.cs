using System.Diagnostics;
using EcoMonitor.Application.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task<AppendResult> CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return WriteAsync(writer => Commit(writer, batch), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<PacketId>> FindKnownPacketsAsync(IReadOnlyCollection<PacketId> packets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packets);
        var known = new HashSet<PacketId>();
        if (packets.Count == 0)
        {
            return known;
        }

        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM packet WHERE station_id = $station AND request_number = $request AND packet_number = $number);";
        SqliteParameter station = command.Parameters.Add("$station", SqliteType.Text);
        SqliteParameter request = command.Parameters.Add("$request", SqliteType.Text);
        SqliteParameter number = command.Parameters.Add("$number", SqliteType.Integer);
        foreach (PacketId packet in packets)
        {
            station.Value = packet.StationId;
            request.Value = packet.RequestNumber;
            number.Value = packet.PacketNumber;
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! != 0)
            {
                known.Add(packet);
            }
        }

        return known;
    }

    private AppendResult Commit(SqliteWriter writer, IngestBatch batch)
    {
        long started = Stopwatch.GetTimestamp();
        batch.Outcomes.Clear();
        long committedAt = SqliteValues.ToColumn(Instant.FromDateTimeOffset(_timeProvider.GetUtcNow()));
        AppendResult result;
        try
        {
            result = InTransaction(writer, batch.Frames.Count, batch.Observations.Count, w => CommitBatch(w, batch, committedAt));
        }
        catch
        {
            batch.Outcomes.Clear();
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
        AppendResult appended = w.Append(batch.Observations, batch.Outcomes);
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
