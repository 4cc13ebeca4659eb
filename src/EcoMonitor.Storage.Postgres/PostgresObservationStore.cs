using System.Diagnostics;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IObservationStore"/> on PostgreSQL (ADR 0026): values packed one row per station, interval and period, written
/// through <see cref="PackedMerge"/> with their pending work in one transaction; ranges decoded in chunks while read;
/// the latest values from <c>observation_latest</c>, also for many stations in one read (<see cref="LatestOfStationsAsync"/>).
/// </summary>
internal sealed class PostgresObservationStore(PostgresDatabase db) : IObservationStore
{
    // Rows of a time-range read per round trip when a parameter filter may leave some rows without a value wanted.
    private const int RangeRowsPerRead = 10_000;

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken) =>
        Append(observations, null, null, cancellationToken);

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(
        IReadOnlyList<Observation> observations, List<DayChange> changes, List<AppendOutcome>? outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return Append(observations, changes, outcomes, cancellationToken);
    }

    private async Task<AppendResult> Append(
        IReadOnlyList<Observation> observations, List<DayChange>? changes, List<AppendOutcome>? outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        using Activity? activity = PostgresTelemetry.Start("store.append", 0, observations.Count);
        int[] streamIds = await db.Streams.IdsAsync(observations, cancellationToken);
        DateTime changedAt = db.TimeProvider.GetUtcNow().UtcDateTime;
        int before = changes?.Count ?? 0;
        List<AppendOutcome>? done = null;
        try
        {
            // The transaction may be retried: the outcomes of the attempt that committed are handed out.
            AppendResult result = await db.InTransactionAsync(0, observations.Count, async (connection, transaction) =>
            {
                changes?.RemoveRange(before, changes.Count - before);
                var each = new List<AppendOutcome>(observations.Count);
                AppendResult appended = await PackedMerge.AppendAsync(
                    connection, transaction, observations, streamIds, revised => db.Series.IdsAsync(revised, cancellationToken), each, cancellationToken);
                await PendingWorkUpsert.ExecuteAsync(connection, transaction, observations, each, changedAt, changes, cancellationToken);
                done = each;
                return appended;
            }, cancellationToken);
            outcomes?.AddRange(done!);
            return result;
        }
        catch
        {
            // Rolled back: the rows these changes named were not written.
            changes?.RemoveRange(before, changes.Count - before);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One index range of the stream's packed rows (one row per period, all parameters), in period order; the values of
    /// a row are stored in parameter order. Rows are decoded in chunks while they are read; with a parameter filter they
    /// are read in pages until the limit is met.
    /// </remarks>
    public async Task<IReadOnlyList<Observation>> QueryAsync(ObservationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        using Activity? activity = PostgresTelemetry.Start("store.query", 0, 0);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        var key = new StreamKey(query.Station, query.Interval);
        if (query.Limit == 0 || query.From >= query.To || await db.Streams.FindAsync(connection, key, cancellationToken) is not int stream)
        {
            return [];
        }

        HashSet<ParameterCode>? wanted = query.Parameters.Count > 0 ? [.. query.Parameters] : null;
        // Every row holds at least one value: without a filter, the limit in rows is enough.
        int rowsPerRead = wanted is null ? query.Limit : Math.Max(query.Limit, RangeRowsPerRead);
        var observations = new List<Observation>();
        Instant from = query.From;
        bool fromInclusive = true;
        // One stream's range is always a few rows of each partition: an index range per partition, in order (the rows
        // stream out while the client decodes), never a scan and a sort — which the planner may pick where one
        // stream fills most of a month's rows.
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var indexOnly = new NpgsqlCommand("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off;", connection, transaction))
        {
            await indexOnly.ExecuteNonQueryAsync(cancellationToken);
        }

        while (true)
        {
            await using var command = new NpgsqlCommand($"""
                SELECT period_start, data FROM observation
                WHERE stream_id = $1 AND period_start {(fromInclusive ? ">=" : ">")} $2 AND period_start < $3
                ORDER BY period_start
                LIMIT $4;
                """, connection, transaction);
            command.Parameters.AddWithValue(stream);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(from));
            command.Parameters.AddWithValue(PostgresValues.ToColumn(query.To));
            command.Parameters.AddWithValue(rowsPerRead);
            var decoder = new ChunkedDecoder<(Instant Period, string Text), List<StoredValue>>(page => DecodeRows(page, key));
            int rows = 0;
            await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows++;
                    from = PostgresValues.ToInstant(reader.GetDateTime(0));
                    decoder.Add((from, reader.GetString(1)));
                }
            }

            List<StoredValue>[] parts = await decoder.FinishAsync();
            // One allocation for the result (a station-year's is on the large object heap: each growth there costs a full collection).
            observations.EnsureCapacity(Math.Min(query.Limit, observations.Count + parts.Sum(p => p.Count)));
            foreach (List<StoredValue> part in parts)
            {
                foreach (StoredValue entry in part)
                {
                    if (observations.Count < query.Limit && (wanted is null || wanted.Contains(entry.Observation.Parameter)))
                    {
                        observations.Add(entry.Observation);
                    }
                }
            }

            if (observations.Count >= query.Limit || rows < rowsPerRead)
            {
                return observations;
            }

            fromInclusive = false;
        }
    }

    /// <inheritdoc />
    /// <remarks>The station's rows of <c>observation_latest</c> (one per stream, all parameters).</remarks>
    public async Task<IReadOnlyList<Observation>> LatestAsync(StationId station, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT stream_id, newest, data FROM observation_latest WHERE station_id = $1;", connection);
        command.Parameters.AddWithValue(station.Value);
        return await ReadLatestAsync(connection, command, cancellationToken);
    }

    /// <summary>Latest values of many stations at once (the map of a province): what <see cref="LatestAsync"/> gives per station, ordered by station.</summary>
    /// <remarks>
    /// The stations' rows of <c>observation_latest</c> (one per stream, all parameters; a station's key is indexed),
    /// ordered here; stream keys come from the node's cache, not from text columns.
    /// </remarks>
    public async Task<IReadOnlyList<Observation>> LatestOfStationsAsync(IReadOnlyList<StationId> stations, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT stream_id, newest, data FROM observation_latest WHERE station_id = ANY($1);", connection);
        command.Parameters.Add(PostgresValues.TextArray([.. stations.Select(s => s.Value)]));
        return await ReadLatestAsync(connection, command, cancellationToken);
    }

    /// <summary>
    /// The values of <c>observation_latest</c> rows (<c>stream_id, newest, data</c>) ordered by station, parameter and
    /// interval: the rows are decoded in chunks while they are read (<see cref="ChunkedDecoder{TRow, TResult}"/>),
    /// ordered by station and interval, and only a station with rows of several intervals has its values sorted. Rows of
    /// streams not cached yet wait until the reader is done and their keys are read in one query.
    /// </summary>
    private async Task<IReadOnlyList<Observation>> ReadLatestAsync(
        NpgsqlConnection connection, NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var decoder = new ChunkedDecoder<(StreamKey Key, Instant Newest, string Data), LatestChunk>(DecodeLatest);
        List<(int Stream, Instant Newest, string Data)>? waiting = null;
        await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                int stream = reader.GetInt32(0);
                if (db.Streams.TryGetKey(stream, out StreamKey key))
                {
                    decoder.Add((key, PostgresValues.ToInstant(reader.GetDateTime(1)), reader.GetString(2)));
                }
                else
                {
                    (waiting ??= []).Add((stream, PostgresValues.ToInstant(reader.GetDateTime(1)), reader.GetString(2)));
                }
            }
        }

        if (waiting is not null)
        {
            await db.Streams.CacheKeysAsync(connection, waiting.Select(w => w.Stream), cancellationToken);
            foreach ((int stream, Instant newest, string data) in waiting)
            {
                decoder.Add((db.Streams.KeyOf(stream), newest, data));
            }
        }

        LatestChunk[] chunks = await decoder.FinishAsync();
        var rows = new List<(StreamKey Key, List<StoredValue> Values, int Start, int Count)>();
        foreach (LatestChunk chunk in chunks)
        {
            rows.AddRange(chunk.Rows.Select(r => (r.Key, chunk.Values, r.Start, r.Count)));
        }

        rows.Sort(static (a, b) =>
        {
            int byStation = string.CompareOrdinal(a.Key.Station.Value, b.Key.Station.Value);
            return byStation != 0 ? byStation : string.CompareOrdinal(StoreCodes.ToCode(a.Key.Interval), StoreCodes.ToCode(b.Key.Interval));
        });
        var observations = new Observation[chunks.Sum(c => c.Values.Count)];
        int at = 0;
        for (int r = 0; r < rows.Count;)
        {
            int end = r + 1;
            while (end < rows.Count && rows[end].Key.Station == rows[r].Key.Station)
            {
                end++;
            }

            int first = at;
            for (int k = r; k < end; k++)
            {
                for (int e = rows[k].Start; e < rows[k].Start + rows[k].Count; e++)
                {
                    observations[at++] = rows[k].Values[e].Observation;
                }
            }

            SortStationValues(observations.AsSpan(first, at - first));
            r = end;
        }

        return observations;
    }

    /// <summary>Some rows of <c>observation_latest</c> decoded: their values, and where each row's are.</summary>
    private static LatestChunk DecodeLatest(List<(StreamKey Key, Instant Newest, string Data)> rows)
    {
        var chunk = new LatestChunk(new List<StoredValue>(rows.Count * 6), new List<(StreamKey, int, int)>(rows.Count));
        var codes = new List<ParameterCode>();
        foreach ((StreamKey key, Instant newest, string data) in rows)
        {
            int start = chunk.Values.Count;
            PackedValues.Decode(data, key, newest, chunk.Values, codes);
            chunk.Rows.Add((key, start, chunk.Values.Count - start));
        }

        return chunk;
    }

    private sealed record LatestChunk(List<StoredValue> Values, List<(StreamKey Key, int Start, int Count)> Rows);

    /// <summary>One station's latest values in parameter, then interval order (sorted only when they are not).</summary>
    private static void SortStationValues(Span<Observation> values)
    {
        static int Compare(Observation a, Observation b)
        {
            int byParameter = string.CompareOrdinal(a.Parameter.Value, b.Parameter.Value);
            return byParameter != 0 ? byParameter : string.CompareOrdinal(StoreCodes.ToCode(a.Interval), StoreCodes.ToCode(b.Interval));
        }

        for (int i = 1; i < values.Length; i++)
        {
            if (Compare(values[i - 1], values[i]) > 0)
            {
                values.Sort(Compare);
                return;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ObservationRevision>> HistoryAsync(ObservationKey key, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        var revisions = new List<ObservationRevision>();
        await using (var command = new NpgsqlCommand("""
            SELECT h.revision, h.value, h.min, h.max, h.total, h.converted, h.flag, h.source, h.received_at
            FROM series s JOIN observation_history h ON h.series_id = s.id
            WHERE s.station_id = $1 AND s.parameter = $2 AND s.interval = $3 AND h.period_start = $4
            ORDER BY h.revision;
            """, connection))
        {
            command.Parameters.AddWithValue(key.Station.Value);
            command.Parameters.AddWithValue(key.Parameter.Value);
            command.Parameters.AddWithValue(StoreCodes.ToCode(key.Interval));
            command.Parameters.AddWithValue(PostgresValues.ToColumn(key.PeriodStart));
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                revisions.Add(new ObservationRevision(reader.GetInt32(0), new Observation
                {
                    Station = key.Station,
                    Parameter = key.Parameter,
                    Interval = key.Interval,
                    PeriodStart = key.PeriodStart,
                    Value = PostgresParameters.NullableDecimal(reader, 1),
                    Min = PostgresParameters.NullableDecimal(reader, 2),
                    Max = PostgresParameters.NullableDecimal(reader, 3),
                    Total = PostgresParameters.NullableDecimal(reader, 4),
                    ConvertedValue = PostgresParameters.NullableDecimal(reader, 5),
                    Flag = DataFlag.Parse(reader.GetString(6)),
                    Source = StoreCodes.ToSource(reader.GetInt16(7)),
                    ReceivedAt = PostgresValues.ToInstant(reader.GetDateTime(8)),
                }));
            }
        }

        var stream = new StreamKey(key.Station, key.Interval);
        if (await db.Streams.FindAsync(connection, stream, cancellationToken) is int id)
        {
            await using var current = new NpgsqlCommand("SELECT data FROM observation WHERE stream_id = $1 AND period_start = $2;", connection);
            current.Parameters.AddWithValue(id);
            current.Parameters.AddWithValue(PostgresValues.ToColumn(key.PeriodStart));
            if (await current.ExecuteScalarAsync(cancellationToken) is string data)
            {
                var entries = new List<StoredValue>();
                PackedValues.Decode(data, stream, key.PeriodStart, entries, []);
                foreach (StoredValue entry in entries.Where(e => e.Observation.Parameter == key.Parameter))
                {
                    revisions.Add(new ObservationRevision(entry.Revision, entry.Observation));
                }
            }
        }

        return revisions;
    }

    /// <summary>The values of some of a stream's rows in row order, each row's in parameter order.</summary>
    private static List<StoredValue> DecodeRows(List<(Instant Period, string Text)> rows, StreamKey key)
    {
        var values = new List<StoredValue>(rows.Count * 6);
        var row = new List<StoredValue>();
        var codes = new List<ParameterCode>();
        foreach ((Instant period, string text) in rows)
        {
            row.Clear();
            PackedValues.Decode(text, key, period, row, codes);
            SortByParameter(row);
            values.AddRange(row);
        }

        return values;
    }

    /// <summary>Entries in parameter order (as written; sorted again only when a row's entries are not).</summary>
    private static void SortByParameter(List<StoredValue> entries)
    {
        for (int i = 1; i < entries.Count; i++)
        {
            if (string.CompareOrdinal(entries[i - 1].Observation.Parameter.Value, entries[i].Observation.Parameter.Value) > 0)
            {
                entries.Sort(static (a, b) => string.CompareOrdinal(a.Observation.Parameter.Value, b.Observation.Parameter.Value));
                return;
            }
        }
    }
}
