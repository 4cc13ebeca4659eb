using System.Diagnostics;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IIngestStore"/> on PostgreSQL: one transaction per gateway batch (packed observations, pending work, packets,
/// raw frames by binary COPY).
/// </summary>
internal sealed class PostgresIngestStore(PostgresDatabase db, ILogger<PostgresIngestStore> logger) : IIngestStore
{
    private const string CopyFrames =
        "COPY raw_frame (received_at, peer, station_id, command_code, request_number, bytes, outcome, reason) FROM STDIN (FORMAT BINARY)";

    /// <inheritdoc />
    /// <remarks>
    /// One transaction: observations packed one row per station, interval and period (<see cref="PackedMerge"/>; live
    /// data by one binary COPY), the changed station-days' pending work by one upsert (<see cref="PendingWorkUpsert"/>),
    /// packets by one array insert, frames by binary COPY. Durable when the commit returns
    /// (<c>synchronous_commit</c>).
    /// </remarks>
    public async Task<AppendResult> CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using Activity? activity = PostgresTelemetry.Start("store.commit", batch.Frames.Count, batch.Observations.Count);
        long started = Stopwatch.GetTimestamp();
        batch.Outcomes.Clear();
        try
        {
            int[] streamIds = await db.Streams.IdsAsync(batch.Observations, cancellationToken);
            DateTime committedAt = db.TimeProvider.GetUtcNow().UtcDateTime;
            AppendResult result = await db.InTransactionAsync(batch.Frames.Count, batch.Observations.Count, async (connection, transaction) =>
            {
                batch.Outcomes.Clear();
                batch.Changes.Clear();
                AppendResult appended = await PackedMerge.AppendAsync(
                    connection, transaction, batch.Observations, streamIds, revised => db.Series.IdsAsync(revised, cancellationToken),
                    batch.Outcomes, cancellationToken);
                await PendingWorkUpsert.ExecuteAsync(connection, transaction, batch.Observations, batch.Outcomes, committedAt, batch.Changes, cancellationToken);
                await InsertPacketsAsync(connection, transaction, batch.Packets, committedAt, cancellationToken);
                await CopyFramesAsync(connection, batch.Frames, cancellationToken);
                return appended;
            }, cancellationToken);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                double elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                PostgresLog.BatchCommitted(logger, batch.Frames.Count, batch.Packets.Count, batch.Observations.Count, elapsedMs);
            }

            return result;
        }
        catch
        {
            batch.Outcomes.Clear();
            batch.Changes.Clear();
            throw;
        }
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

        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT p.station_id, p.request_number, p.packet_number
            FROM unnest($1::text[], $2::text[], $3::integer[]) AS k (station_id, request_number, packet_number)
            JOIN packet p ON p.station_id = k.station_id AND p.request_number = k.request_number AND p.packet_number = k.packet_number;
            """, connection);
        AddPacketArrays(command, packets);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            known.Add(new PacketId(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return known;
    }

    /// <summary>
    /// The batch's packets: by one binary COPY under a savepoint (the gateway has filtered known ones already), or —
    /// when one was committed meanwhile, by another node — by an insert that skips the known ones.
    /// </summary>
    private static async Task InsertPacketsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<PacketId> packets, DateTime committedAt, CancellationToken cancellationToken)
    {
        if (packets.Count == 0)
        {
            return;
        }

        await transaction.SaveAsync("ingest_packets", cancellationToken);
        try
        {
            await CopyPacketsAsync(connection, packets, committedAt, cancellationToken);
            await transaction.ReleaseAsync("ingest_packets", cancellationToken);
            return;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync("ingest_packets", cancellationToken);
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO packet (station_id, request_number, packet_number, committed_at)
            SELECT k.station_id, k.request_number, k.packet_number, $4
            FROM unnest($1::text[], $2::text[], $3::integer[]) AS k (station_id, request_number, packet_number)
            ON CONFLICT DO NOTHING;
            """, connection, transaction);
        AddPacketArrays(command, packets);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = committedAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyPacketsAsync(NpgsqlConnection connection, List<PacketId> packets, DateTime committedAt, CancellationToken cancellationToken)
    {
        await using NpgsqlBinaryImporter importer = await connection.BeginBinaryImportAsync(
            "COPY packet (station_id, request_number, packet_number, committed_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (PacketId packet in packets)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(packet.StationId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(packet.RequestNumber, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(packet.PacketNumber, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(committedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static void AddPacketArrays(NpgsqlCommand command, IReadOnlyCollection<PacketId> packets)
    {
        command.Parameters.Add(PostgresValues.TextArray([.. packets.Select(p => p.StationId)]));
        command.Parameters.Add(PostgresValues.TextArray([.. packets.Select(p => p.RequestNumber)]));
        command.Parameters.Add(PostgresValues.IntegerArray([.. packets.Select(p => p.PacketNumber)]));
    }

    private static async Task CopyFramesAsync(NpgsqlConnection connection, List<RawFrame> frames, CancellationToken cancellationToken)
    {
        if (frames.Count == 0)
        {
            return;
        }

        await using NpgsqlBinaryImporter importer = await connection.BeginBinaryImportAsync(CopyFrames, cancellationToken);
        foreach (RawFrame frame in frames)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(PostgresValues.ToColumn(frame.ReceivedAt), NpgsqlDbType.TimestampTz, cancellationToken);
            // A frame without a peer is a broken invariant: NULL makes the NOT NULL column refuse the whole batch.
            await WriteTextAsync(importer, frame.Peer, cancellationToken);
            await WriteTextAsync(importer, frame.StationId, cancellationToken);
            await WriteTextAsync(importer, frame.CommandCode, cancellationToken);
            await WriteTextAsync(importer, frame.RequestNumber, cancellationToken);
            await importer.WriteAsync(frame.Bytes, NpgsqlDbType.Bytea, cancellationToken);
            await importer.WriteAsync(StoreCodes.ToCode(frame.Outcome), NpgsqlDbType.Text, cancellationToken);
            await WriteTextAsync(importer, frame.Reason, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? text, CancellationToken cancellationToken) =>
        text is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
}
