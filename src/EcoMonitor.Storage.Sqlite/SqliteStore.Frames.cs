using EcoMonitor.Application.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    private const string FrameColumns = "id, received_at, peer, station_id, command_code, request_number, bytes, outcome, reason";

    /// <inheritdoc />
    public async Task<IReadOnlyList<RawFrame>> QueryAsync(string? stationId, Interval received, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        string stationFilter = stationId is null ? string.Empty : "station_id = $station AND ";
        command.CommandText = $"""
            SELECT {FrameColumns} FROM raw_frame
            WHERE {stationFilter}received_at >= $from AND received_at < $to
            ORDER BY received_at DESC, id DESC LIMIT $limit;
            """;
        if (stationId is not null)
        {
            command.Parameters.AddWithValue("$station", stationId);
        }

        command.Parameters.AddWithValue("$from", received.HasStart ? SqliteValues.ToColumn(received.Start) : long.MinValue);
        command.Parameters.AddWithValue("$to", received.HasEnd ? SqliteValues.ToColumn(received.End) : long.MaxValue);
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var frames = new List<RawFrame>();
        while (await reader.ReadAsync(cancellationToken))
        {
            frames.Add(new RawFrame
            {
                Id = reader.GetInt64(0),
                ReceivedAt = SqliteValues.ToInstant(reader.GetInt64(1)),
                Peer = reader.GetString(2),
                StationId = reader.IsDBNull(3) ? null : reader.GetString(3),
                CommandCode = reader.IsDBNull(4) ? null : reader.GetString(4),
                RequestNumber = reader.IsDBNull(5) ? null : reader.GetString(5),
                Bytes = (byte[])reader.GetValue(6),
                Outcome = StoreCodes.ToOutcome(reader.GetString(7)),
                Reason = reader.IsDBNull(8) ? null : reader.GetString(8),
            });
        }

        return frames;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<RawFrameOutcome, long>> CountByOutcomeAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT outcome, COUNT(*) FROM raw_frame GROUP BY outcome;";
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<RawFrameOutcome, long>
        {
            [RawFrameOutcome.Accepted] = 0,
            [RawFrameOutcome.Duplicate] = 0,
            [RawFrameOutcome.Rejected] = 0,
        };
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[StoreCodes.ToOutcome(reader.GetString(0))] = reader.GetInt64(1);
        }

        return counts;
    }
}
