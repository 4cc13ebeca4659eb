using EcoMonitor.Application.Storage;
using Npgsql;
using NodaTime;

namespace EcoMonitor.Storage.Postgres;

internal sealed partial class PostgresStore : IRawFrameArchive
{
    private const string FrameColumns = "id, received_at, peer, station_id, command_code, request_number, bytes, outcome, reason";

    /// <inheritdoc />
    public async Task<IReadOnlyList<RawFrame>> QueryAsync(string? stationId, Interval received, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        string stationFilter = stationId is null ? string.Empty : "station_id = $4 AND ";
        await using var command = new NpgsqlCommand($"""
            SELECT {FrameColumns} FROM raw_frame
            WHERE {stationFilter}received_at >= $1 AND received_at < $2
            ORDER BY received_at DESC, id DESC LIMIT $3;
            """, connection);
        command.Parameters.AddWithValue(received.HasStart ? PostgresValues.ToColumn(received.Start) : DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));
        command.Parameters.AddWithValue(received.HasEnd ? PostgresValues.ToColumn(received.End) : DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc));
        command.Parameters.AddWithValue(limit);
        if (stationId is not null)
        {
            command.Parameters.AddWithValue(stationId);
        }

        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var frames = new List<RawFrame>();
        while (await reader.ReadAsync(cancellationToken))
        {
            frames.Add(new RawFrame
            {
                Id = reader.GetInt64(0),
                ReceivedAt = PostgresValues.ToInstant(reader.GetDateTime(1)),
                Peer = reader.GetString(2),
                StationId = reader.IsDBNull(3) ? null : reader.GetString(3),
                CommandCode = reader.IsDBNull(4) ? null : reader.GetString(4),
                RequestNumber = reader.IsDBNull(5) ? null : reader.GetString(5),
                Bytes = reader.GetFieldValue<byte[]>(6),
                Outcome = StoreCodes.ToOutcome(reader.GetString(7)),
                Reason = reader.IsDBNull(8) ? null : reader.GetString(8),
            });
        }

        return frames;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<RawFrameOutcome, long>> CountByOutcomeAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT outcome, COUNT(*) FROM raw_frame GROUP BY outcome;", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
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
