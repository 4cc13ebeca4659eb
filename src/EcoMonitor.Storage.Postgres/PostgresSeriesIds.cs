using System.Collections.Concurrent;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The ids of observation series (station, parameter, interval), for the rows of <c>observation_history</c>: created on
/// first use, cached for the life of the <see cref="PostgresDatabase"/> that owns this cache. Thread-safe.
/// </summary>
internal sealed class PostgresSeriesIds(PostgresDatabase db)
{
    // Series ids never change once created, so every node may cache them for its lifetime.
    private readonly ConcurrentDictionary<SeriesKey, long> _seriesIds = new();

    /// <summary>
    /// The series id of each observation (same order), for the rows of <c>observation_history</c> (the current values
    /// are packed per stream). Unknown series are created first in their own committed transaction, outside the
    /// batch's: a series row without history is harmless, and a batch that rolls back then leaves no cached id pointing
    /// at nothing. Concurrent creators (other nodes) meet in ON CONFLICT.
    /// </summary>
    public async Task<long[]> IdsAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        var ids = new long[observations.Count];
        List<SeriesKey>? missing = null;
        for (int i = 0; i < observations.Count; i++)
        {
            Observation o = observations[i];
            var key = new SeriesKey(o.Station, o.Parameter, o.Interval);
            if (!_seriesIds.TryGetValue(key, out ids[i]))
            {
                (missing ??= []).Add(key);
            }
        }

        if (missing is null)
        {
            return ids;
        }

        SeriesKey[] unique = [.. missing.Distinct().Order(Comparer<SeriesKey>.Create(static (a, b) =>
            (a.Station.Value, a.Parameter.Value, a.Interval).CompareTo((b.Station.Value, b.Parameter.Value, b.Interval))))];
        // A key another node inserts between this statement's snapshot and its insert comes back from neither
        // half; the next pass (a new snapshot) finds it.
        for (int pass = 0; pass < 3 && unique.Any(k => !_seriesIds.ContainsKey(k)); pass++)
        {
            SeriesKey[] wanted = [.. unique.Where(k => !_seriesIds.ContainsKey(k))];
            await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                WITH k AS (
                    SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k (station_id, parameter, interval, n)
                ), created AS (
                    INSERT INTO series (station_id, parameter, interval)
                    SELECT k.station_id, k.parameter, k.interval FROM k
                    WHERE NOT EXISTS (
                        SELECT 1 FROM series s WHERE s.station_id = k.station_id AND s.parameter = k.parameter AND s.interval = k.interval)
                    ORDER BY k.n
                    ON CONFLICT DO NOTHING
                    RETURNING id, station_id, parameter, interval
                )
                SELECT id, station_id, parameter, interval FROM created
                UNION ALL
                SELECT s.id, s.station_id, s.parameter, s.interval
                FROM k JOIN series s ON s.station_id = k.station_id AND s.parameter = k.parameter AND s.interval = k.interval;
                """, connection);
            command.Parameters.Add(PostgresValues.TextArray([.. wanted.Select(k => k.Station.Value)]));
            command.Parameters.Add(PostgresValues.TextArray([.. wanted.Select(k => k.Parameter.Value)]));
            command.Parameters.Add(PostgresValues.TextArray([.. wanted.Select(k => StoreCodes.ToCode(k.Interval))]));
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = new SeriesKey(
                    StationId.Parse(reader.GetString(1)), ParameterCode.Parse(reader.GetString(2)), StoreCodes.ToInterval(reader.GetString(3)));
                _seriesIds[key] = reader.GetInt64(0);
            }
        }

        for (int i = 0; i < observations.Count; i++)
        {
            Observation o = observations[i];
            ids[i] = _seriesIds[new SeriesKey(o.Station, o.Parameter, o.Interval)];
        }

        return ids;
    }
}
