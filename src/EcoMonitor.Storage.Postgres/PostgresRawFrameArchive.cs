using EcoMonitor.Application.Storage;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IRawFrameArchive"/> on PostgreSQL: <c>raw_frame</c> by station and time, counts by outcome, and the masking of
/// frames archived with clear passwords (<c>frame_password_mask</c>).
/// </summary>
internal sealed class PostgresRawFrameArchive(PostgresDatabase db) : IRawFrameArchive
{
    private const string FrameColumns = "id, received_at, peer, station_id, command_code, request_number, bytes, outcome, reason";

    /// <inheritdoc />
    public async Task<IReadOnlyList<RawFrame>> QueryAsync(string? stationId, Interval received, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
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
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
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

    /// <inheritdoc />
    public Task<int> MaskStoredPasswordsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            long next;
            long upTo;
            await using (var cursor = new NpgsqlCommand("SELECT next_id, up_to_id FROM frame_password_mask WHERE id = 1;", connection, transaction))
            await using (NpgsqlDataReader row = await cursor.ExecuteReaderAsync(cancellationToken))
            {
                if (!await row.ReadAsync(cancellationToken))
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
            await using (var select = new NpgsqlCommand(
                "SELECT id, bytes FROM raw_frame WHERE id >= $1 AND id <= $2 ORDER BY id LIMIT $3;", connection, transaction))
            {
                select.Parameters.AddWithValue(next);
                select.Parameters.AddWithValue(upTo);
                select.Parameters.AddWithValue(limit);
                await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    frames.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
                }
            }

            List<(long Id, byte[] Bytes)> masked = [.. frames.Where(f => FramePassword.MaskInPlace(f.Bytes) > 0)];
            if (masked.Count > 0)
            {
                await using var update = new NpgsqlCommand(
                    "UPDATE raw_frame AS f SET bytes = m.bytes FROM unnest($1::bigint[], $2::bytea[]) AS m (id, bytes) WHERE f.id = m.id;", connection, transaction);
                update.Parameters.AddWithValue(masked.Select(f => f.Id).ToArray());
                update.Parameters.AddWithValue(masked.Select(f => f.Bytes).ToArray());
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var advance = new NpgsqlCommand("UPDATE frame_password_mask SET next_id = greatest(next_id, $1) WHERE id = 1;", connection, transaction);
            advance.Parameters.AddWithValue(frames.Count < limit ? upTo + 1 : frames[^1].Id + 1);
            await advance.ExecuteNonQueryAsync(cancellationToken);
            return frames.Count;
        }, cancellationToken);
    }
}
