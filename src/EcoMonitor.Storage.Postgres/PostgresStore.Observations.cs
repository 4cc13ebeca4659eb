using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

internal sealed partial class PostgresStore : IObservationStore
{
    // Rows of a time-range read per round trip when a parameter filter may leave some rows without a value wanted.
    private const int RangeRowsPerRead = 10_000;

    // Rows of a time-range read decoded by one core at least (a station-month of hours is 744).
    private const int RowsPerDecodePart = 2_048;

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        int[] streamIds = await StreamIdsAsync(observations, cancellationToken);
        return await InTransactionAsync(0, observations.Count,
            (connection, transaction) => PackedMerge.AppendAsync(
                connection, transaction, observations, streamIds, revised => SeriesIdsAsync(revised, cancellationToken), null, cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One index range of the stream's packed rows (one row per period, all parameters), in period order; the values of
    /// a row are stored in parameter order. With a parameter filter the rows are read in pages until the limit is met.
    /// </remarks>
    public async Task<IReadOnlyList<Observation>> QueryAsync(ObservationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        var key = new StreamKey(query.Station, query.Interval);
        if (query.Limit == 0 || query.From >= query.To || await FindStreamAsync(connection, key, cancellationToken) is not int stream)
        {
            return [];
        }

        HashSet<ParameterCode>? wanted = query.Parameters.Count > 0 ? [.. query.Parameters] : null;
        // Every row holds at least one value: without a filter, the limit in rows is enough.
        int rowsPerRead = wanted is null ? query.Limit : Math.Max(query.Limit, RangeRowsPerRead);
        var observations = new List<Observation>();
        var page = new List<(Instant Period, string Text)>();
        Instant from = query.From;
        bool fromInclusive = true;
        while (true)
        {
            await using var command = new NpgsqlCommand($"""
                SELECT period_start, data FROM observation
                WHERE stream_id = $1 AND period_start {(fromInclusive ? ">=" : ">")} $2 AND period_start < $3
                ORDER BY period_start
                LIMIT $4;
                """, connection);
            command.Parameters.AddWithValue(stream);
            command.Parameters.AddWithValue(PostgresValues.ToColumn(from));
            command.Parameters.AddWithValue(PostgresValues.ToColumn(query.To));
            command.Parameters.AddWithValue(rowsPerRead);
            page.Clear();
            await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add((PostgresValues.ToInstant(reader.GetDateTime(0)), reader.GetString(1)));
                }
            }

            foreach (List<StoredValue> part in DecodeRows(page, key))
            {
                foreach (StoredValue entry in part)
                {
                    if (observations.Count < query.Limit && (wanted is null || wanted.Contains(entry.Observation.Parameter)))
                    {
                        observations.Add(entry.Observation);
                    }
                }
            }

            int rows = page.Count;
            from = rows > 0 ? page[^1].Period : from;
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
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT stream_id, newest, data FROM observation_latest WHERE station_id = $1;", connection);
        command.Parameters.AddWithValue(station.Value);
        return await ReadLatestAsync(connection, command, 8, cancellationToken);
    }

    /// <summary>Latest values of many stations at once (the map of a province): what <see cref="LatestAsync"/> gives per station, ordered by station.</summary>
    /// <remarks>
    /// The stations' rows of <c>observation_latest</c> (one per stream, all parameters; a station's key is indexed),
    /// ordered here; stream keys come from the node's cache, not from text columns.
    /// </remarks>
    public async Task<IReadOnlyList<Observation>> LatestOfStationsAsync(IReadOnlyList<StationId> stations, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT stream_id, newest, data FROM observation_latest WHERE station_id = ANY($1);", connection);
        command.Parameters.Add(PostgresValues.TextArray([.. stations.Select(s => s.Value)]));
        return await ReadLatestAsync(connection, command, stations.Count * 6, cancellationToken);
    }

    /// <summary>
    /// The values of <c>observation_latest</c> rows (<c>stream_id, newest, data</c>) ordered by station, parameter and
    /// interval: the rows are decoded in parts side by side (as a long range read's), ordered by station and interval,
    /// and only a station with rows of several intervals has its values sorted. Streams not cached yet have their keys
    /// read in one query.
    /// </summary>
    private async Task<IReadOnlyList<Observation>> ReadLatestAsync(
        NpgsqlConnection connection, NpgsqlCommand command, int expected, CancellationToken cancellationToken)
    {
        var stored = new List<(int Stream, Instant Newest, string Data)>(expected / 6);
        await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add((reader.GetInt32(0), PostgresValues.ToInstant(reader.GetDateTime(1)), reader.GetString(2)));
            }
        }

        await CacheStreamKeysAsync(connection, stored.Select(r => r.Stream), cancellationToken);
        var values = new List<StoredValue>[DecodeParts(stored.Count)];
        var rows = new (StreamKey Key, int Part, int Start, int Count)[stored.Count];
        InParts(stored.Count, values.Length, (part, first, end) =>
        {
            var decoded = new List<StoredValue>((end - first) * 6);
            var codes = new List<ParameterCode>();
            for (int i = first; i < end; i++)
            {
                StreamKey key = _streamKeys[stored[i].Stream];
                int start = decoded.Count;
                PackedValues.Decode(stored[i].Data, key, stored[i].Newest, decoded, codes);
                rows[i] = (key, part, start, decoded.Count - start);
            }

            values[part] = decoded;
        });

        Array.Sort(rows, static (a, b) =>
        {
            int byStation = string.CompareOrdinal(a.Key.Station.Value, b.Key.Station.Value);
            return byStation != 0 ? byStation : string.CompareOrdinal(StoreCodes.ToCode(a.Key.Interval), StoreCodes.ToCode(b.Key.Interval));
        });
        var observations = new Observation[values.Sum(v => v.Count)];
        int at = 0;
        for (int r = 0; r < rows.Length;)
        {
            int end = r + 1;
            while (end < rows.Length && rows[end].Key.Station == rows[r].Key.Station)
            {
                end++;
            }

            int first = at;
            for (int k = r; k < end; k++)
            {
                List<StoredValue> part = values[rows[k].Part];
                for (int e = rows[k].Start; e < rows[k].Start + rows[k].Count; e++)
                {
                    observations[at++] = part[e].Observation;
                }
            }

            SortStationValues(observations.AsSpan(first, at - first));
            r = end;
        }

        return observations;
    }

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
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
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
                    Value = ReadDecimal(reader, 1),
                    Min = ReadDecimal(reader, 2),
                    Max = ReadDecimal(reader, 3),
                    Total = ReadDecimal(reader, 4),
                    ConvertedValue = ReadDecimal(reader, 5),
                    Flag = DataFlag.Parse(reader.GetString(6)),
                    Source = StoreCodes.ToSource(reader.GetInt16(7)),
                    ReceivedAt = PostgresValues.ToInstant(reader.GetDateTime(8)),
                }));
            }
        }

        var stream = new StreamKey(key.Station, key.Interval);
        if (await FindStreamAsync(connection, stream, cancellationToken) is int id)
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

    /// <summary>
    /// The values of a stream's rows in row order, each row's in parameter order. Rows are decoded on the client
    /// (objects for every value: the larger part of a station-year's read), so a long read is cut into parts decoded
    /// side by side on the machine's cores.
    /// </summary>
    private static List<StoredValue>[] DecodeRows(List<(Instant Period, string Text)> rows, StreamKey key)
    {
        var decoded = new List<StoredValue>[DecodeParts(rows.Count)];
        InParts(rows.Count, decoded.Length, (part, first, end) =>
        {
            var values = new List<StoredValue>((end - first) * 6);
            var row = new List<StoredValue>();
            var codes = new List<ParameterCode>();
            for (int i = first; i < end; i++)
            {
                row.Clear();
                PackedValues.Decode(rows[i].Text, key, rows[i].Period, row, codes);
                SortByParameter(row);
                values.AddRange(row);
            }

            decoded[part] = values;
        });
        return decoded;
    }

    /// <summary>Into how many parts <paramref name="rows"/> rows are cut for decoding (1 for a short read).</summary>
    private static int DecodeParts(int rows) =>
        rows < RowsPerDecodePart * 2 ? 1 : Math.Min(Environment.ProcessorCount, rows / RowsPerDecodePart);

    /// <summary>Runs <paramref name="work"/> (part, first row, end row) for each of <paramref name="parts"/> parts side by side.</summary>
    private static void InParts(int rows, int parts, Action<int, int, int> work) =>
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
            work(part, (int)((long)rows * part / parts), (int)((long)rows * (part + 1) / parts)));

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

    private static decimal? ReadDecimal(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    private static NpgsqlParameter<decimal?> Numeric(decimal? value) => new() { NpgsqlDbType = NpgsqlDbType.Numeric, TypedValue = value };
}
