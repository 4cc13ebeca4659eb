using EcoMonitor.Application.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IRawFrameArchive"/> on SQLite: <c>raw_frame</c> by station and time, counts by outcome, and the masking of
/// frames archived with clear passwords (<c>frame_password_mask</c>).
/// </summary>
internal sealed class SqliteRawFrameArchive(SqliteDatabase db) : IRawFrameArchive
{
    private const string FrameColumns = "id, received_at, peer, station_id, command_code, request_number, bytes, outcome, reason";

    /// <inheritdoc />
    public async Task<IReadOnlyList<RawFrame>> QueryAsync(string? stationId, Interval received, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
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
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
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

    /// <inheritdoc />
    public Task<int> MaskStoredPasswordsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand cursor = w.Connection.CreateCommand();
            cursor.CommandText = "SELECT next_id, up_to_id FROM frame_password_mask WHERE id = 1;";
            long next;
            long upTo;
            using (SqliteDataReader row = cursor.ExecuteReader())
            {
                if (!row.Read())
                {
                    return 0;
                }

                (next, upTo) = (row.GetInt64(0), row.GetInt64(1));
            }

            if (next > upTo)
            {
                return 0;
            }

            var frames = new List<(long Id, byte[] Bytes)>();
            using (SqliteCommand select = w.Connection.CreateCommand())
            {
                select.CommandText = "SELECT id, bytes FROM raw_frame WHERE id >= $next AND id <= $upTo ORDER BY id LIMIT $limit;";
                select.Parameters.AddWithValue("$next", next);
                select.Parameters.AddWithValue("$upTo", upTo);
                select.Parameters.AddWithValue("$limit", limit);
                using SqliteDataReader reader = select.ExecuteReader();
                while (reader.Read())
                {
                    frames.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
                }
            }

            using SqliteCommand update = w.Connection.CreateCommand();
            update.CommandText = "UPDATE raw_frame SET bytes = $bytes WHERE id = $id;";
            SqliteParameter id = update.Parameters.Add("$id", SqliteType.Integer);
            SqliteParameter bytes = update.Parameters.Add("$bytes", SqliteType.Blob);
            foreach ((long frameId, byte[] frame) in frames)
            {
                if (FramePassword.MaskInPlace(frame) > 0)
                {
                    id.Value = frameId;
                    bytes.Value = frame;
                    update.ExecuteNonQuery();
                }
            }

            using SqliteCommand advance = w.Connection.CreateCommand();
            advance.CommandText = "UPDATE frame_password_mask SET next_id = max(next_id, $next) WHERE id = 1;";
            advance.Parameters.AddWithValue("$next", frames.Count < limit ? upTo + 1 : frames[^1].Id + 1);
            advance.ExecuteNonQuery();
            return frames.Count;
        }), cancellationToken);
    }
}
