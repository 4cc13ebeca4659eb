using System.Collections.Concurrent;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The ids of observation streams (station, interval: one packed row per period) both ways: created on first write,
/// cached for the life of the <see cref="PostgresDatabase"/> that owns this cache. Thread-safe.
/// </summary>
internal sealed class PostgresStreamIds(PostgresDatabase db)
{
    // Stream ids never change once created, so every node may cache them for its lifetime (both ways: reads of
    // observation_latest return stream ids, not station and interval per row).
    private readonly ConcurrentDictionary<StreamKey, int> _streamIds = new();
    private readonly ConcurrentDictionary<int, StreamKey> _streamKeys = new();

    /// <summary>
    /// The stream id of each observation (same order). Unknown streams are created first in their own committed
    /// transaction, outside the batch's (as series are); concurrent creators (other nodes) meet in ON CONFLICT.
    /// </summary>
    public async Task<int[]> IdsAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        var ids = new int[observations.Count];
        List<StreamKey>? missing = null;
        StreamKey previous = default;
        int previousId = 0;
        for (int i = 0; i < observations.Count; i++)
        {
            var key = new StreamKey(observations[i].Station, observations[i].Interval);
            // A frame's values are side by side in a batch: one dictionary look-up per frame.
            if (previousId != 0 && key == previous)
            {
                ids[i] = previousId;
            }
            else if (_streamIds.TryGetValue(key, out ids[i]))
            {
                (previous, previousId) = (key, ids[i]);
            }
            else
            {
                (missing ??= []).Add(key);
            }
        }

        if (missing is null)
        {
            return ids;
        }

        StreamKey[] unique = [.. missing.Distinct().OrderBy(k => k.Station.Value, StringComparer.Ordinal).ThenBy(k => k.Interval)];
        // A key another node inserts between this statement's snapshot and its insert comes back from neither half;
        // the next pass (a new snapshot) finds it.
        for (int pass = 0; pass < 3 && unique.Any(k => !_streamIds.ContainsKey(k)); pass++)
        {
            StreamKey[] wanted = [.. unique.Where(k => !_streamIds.ContainsKey(k))];
            await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                WITH k AS (
                    SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k (station_id, interval, n)
                ), created AS (
                    INSERT INTO observation_stream (station_id, interval)
                    SELECT k.station_id, k.interval FROM k
                    WHERE NOT EXISTS (SELECT 1 FROM observation_stream s WHERE s.station_id = k.station_id AND s.interval = k.interval)
                    ORDER BY k.n
                    ON CONFLICT DO NOTHING
                    RETURNING id, station_id, interval
                )
                SELECT id, station_id, interval FROM created
                UNION ALL
                SELECT s.id, s.station_id, s.interval FROM k JOIN observation_stream s ON s.station_id = k.station_id AND s.interval = k.interval;
                """, connection);
            command.Parameters.Add(PostgresValues.TextArray([.. wanted.Select(k => k.Station.Value)]));
            command.Parameters.Add(PostgresValues.TextArray([.. wanted.Select(k => StoreCodes.ToCode(k.Interval))]));
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                CacheStream(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
            }
        }

        for (int i = 0; i < observations.Count; i++)
        {
            ids[i] = _streamIds[new StreamKey(observations[i].Station, observations[i].Interval)];
        }

        return ids;
    }

    /// <summary>The id of a stream, or null when it has never had a value (reads do not create streams).</summary>
    public async Task<int?> FindAsync(NpgsqlConnection connection, StreamKey key, CancellationToken cancellationToken)
    {
        if (_streamIds.TryGetValue(key, out int id))
        {
            return id;
        }

        await using var command = new NpgsqlCommand("SELECT id FROM observation_stream WHERE station_id = $1 AND interval = $2;", connection);
        command.Parameters.AddWithValue(key.Station.Value);
        command.Parameters.AddWithValue(StoreCodes.ToCode(key.Interval));
        if (await command.ExecuteScalarAsync(cancellationToken) is not int found)
        {
            return null;
        }

        _streamIds[key] = found;
        _streamKeys[found] = key;
        return found;
    }

    /// <summary>Puts the keys of the streams in <paramref name="ids"/> that are not cached yet into the cache (one query).</summary>
    public async Task CacheKeysAsync(NpgsqlConnection connection, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        int[] missing = [.. ids.Where(id => !_streamKeys.ContainsKey(id)).Distinct()];
        if (missing.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("SELECT id, station_id, interval FROM observation_stream WHERE id = ANY($1);", connection);
        command.Parameters.Add(PostgresValues.IntegerArray(missing));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            CacheStream(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
        }
    }

    /// <summary>The key of a stream whose id is cached.</summary>
    public bool TryGetKey(int id, out StreamKey key) => _streamKeys.TryGetValue(id, out key);

    /// <summary>The key of a stream whose id is cached (<see cref="CacheKeysAsync"/> first).</summary>
    public StreamKey KeyOf(int id) => _streamKeys[id];

    private void CacheStream(int id, string station, string interval)
    {
        var key = new StreamKey(StationId.Parse(station), StoreCodes.ToInterval(interval));
        _streamIds[key] = id;
        _streamKeys[id] = key;
    }
}
