using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

internal sealed partial class PostgresStore : IObservationStore
{
    // Column order read by ReadObservation (after the series columns station_id, parameter, interval).
    // The series id comes last: rows of one series share their parsed station, parameter and interval.
    private const string ObservationColumns =
        "s.station_id, s.parameter, s.interval, o.period_start, o.revision, o.value, o.min, o.max, o.total, o.converted, o.flag, o.source, o.received_at, s.id";

    // A row of observation_latest: the series id, then the columns period_start … received_at (read from 1); the
    // series' key comes from the cache of series (no text columns read per row).
    private const string LatestColumns =
        "l.series_id, l.period_start, l.revision, l.value, l.min, l.max, l.total, l.converted, l.flag, l.source, l.received_at";

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        long[] seriesIds = await SeriesIdsAsync(observations, cancellationToken);
        return await InTransactionAsync(0, observations.Count,
            (connection, transaction) => ObservationMerge.AppendAsync(connection, transaction, observations, seriesIds, null, cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// First the station's series (a few rows), then their rows in the range by series id — narrow rows, one index
    /// range per series and partition, no sort on the server: the rows are ordered here (period start, then parameter)
    /// when they all fit the limit; only a truncated result is asked again with the order on the server.
    /// </remarks>
    public async Task<IReadOnlyList<Observation>> QueryAsync(ObservationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        (long[] ids, SeriesKey[] keys) = await QuerySeriesAsync(connection, query, cancellationToken);
        if (ids.Length == 0 || query.Limit == 0)
        {
            return [];
        }

        var ranks = new Dictionary<long, int>(ids.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            ranks[ids[i]] = i;
        }

        (long[] order, Observation[] rows) = await QueryRowsAsync(connection, query, ids, keys, ranks, ordered: false, query.Limit + 1L, cancellationToken);
        if (rows.Length > query.Limit)
        {
            return (await QueryRowsAsync(connection, query, ids, keys, ranks, ordered: true, query.Limit, cancellationToken)).Rows;
        }

        Array.Sort(order, rows);
        return rows;
    }

    /// <summary>The series a query reads, ordered by parameter (the order of rows within one period).</summary>
    private static async Task<(long[] Ids, SeriesKey[] Keys)> QuerySeriesAsync(NpgsqlConnection connection, ObservationQuery query, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = query.Parameters.Count > 0
            ? "SELECT id, parameter FROM series WHERE station_id = $1 AND interval = $2 AND parameter = ANY($3) ORDER BY parameter;"
            : "SELECT id, parameter FROM series WHERE station_id = $1 AND interval = $2 ORDER BY parameter;";
        command.Parameters.AddWithValue(query.Station.Value);
        command.Parameters.AddWithValue(StoreCodes.ToCode(query.Interval));
        if (query.Parameters.Count > 0)
        {
            command.Parameters.Add(PostgresValues.TextArray([.. query.Parameters.Select(p => p.Value)]));
        }

        var ids = new List<long>();
        var keys = new List<SeriesKey>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
            keys.Add(new SeriesKey(query.Station, ParameterCode.Parse(reader.GetString(1)), query.Interval));
        }

        return ([.. ids], [.. keys]);
    }

    /// <summary>
    /// The rows of the station's series in the range, each with its order key: the period start in milliseconds (our
    /// instants have no finer part), then the parameter's rank in the low <see cref="RankBits"/> bits — one sort of
    /// integers orders them by period, then parameter.
    /// </summary>
    private static async Task<(long[] Order, Observation[] Rows)> QueryRowsAsync(
        NpgsqlConnection connection, ObservationQuery query, long[] ids, SeriesKey[] keys, Dictionary<long, int> ranks, bool ordered, long limit,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT o.period_start, o.revision, o.value, o.min, o.max, o.total, o.converted, o.flag, o.source, o.received_at, o.series_id
            FROM observation o
            WHERE o.series_id = ANY($1) AND o.period_start >= $2 AND o.period_start < $3
            {(ordered ? "ORDER BY o.period_start, array_position($1, o.series_id)" : "")}
            LIMIT $4;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = ids });
        command.Parameters.AddWithValue(PostgresValues.ToColumn(query.From));
        command.Parameters.AddWithValue(PostgresValues.ToColumn(query.To));
        command.Parameters.AddWithValue(limit);
        if (ids.Length >= 1 << RankBits)
        {
            throw new InvalidOperationException($"A station with {ids.Length} series of one interval cannot be read in one query.");
        }

        var order = new List<long>();
        var rows = new List<Observation>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            int rank = ranks[reader.GetInt64(10)];
            Observation observation = ReadObservation(reader, keys[rank], first: 0);
            order.Add((observation.PeriodStart.ToUnixTimeMilliseconds() << RankBits) | (long)rank);
            rows.Add(observation);
        }

        return ([.. order], [.. rows]);
    }

    private const int RankBits = 20;

    /// <inheritdoc />
    /// <remarks>One index range in <c>observation_latest</c> (one row per series, kept by ingestion).</remarks>
    public async Task<IReadOnlyList<Observation>> LatestAsync(StationId station, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {LatestColumns} FROM observation_latest l
            WHERE l.station_id = $1
            ORDER BY l.parameter, l.interval;
            """, connection);
        command.Parameters.AddWithValue(station.Value);
        return await ReadLatestAsync(connection, () => command.ExecuteReaderAsync(cancellationToken), 8, cancellationToken);
    }

    /// <summary>Latest values of many stations at once (the map of a province): what <see cref="LatestAsync"/> gives per station, ordered by station.</summary>
    /// <remarks>
    /// One index scan of <c>observation_latest</c> (one row per series) by the stations' keys, in order; should the
    /// planner sort anyway, the sort runs in memory with a transaction-local <c>work_mem</c> instead of spilling to
    /// disk at the server's default 4 MB. Series keys come from the node's cache, not from text columns.
    /// </remarks>
    public async Task<IReadOnlyList<Observation>> LatestOfStationsAsync(IReadOnlyList<StationId> stations, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL work_mem = '64MB';"));
        // The index on (station, parameter, interval) walks the stations' keys in order: no sort of 60,000 rows (a
        // sequential scan and an in-memory sort cost about 1.5 times as much).
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_seqscan = off;"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_bitmapscan = off;"));
        var select = new NpgsqlBatchCommand($"""
            SELECT {LatestColumns} FROM observation_latest l
            WHERE l.station_id = ANY($1)
            ORDER BY l.station_id, l.parameter, l.interval;
            """);
        select.Parameters.Add(PostgresValues.TextArray([.. stations.Select(s => s.Value)]));
        batch.BatchCommands.Add(select);
        IReadOnlyList<Observation> observations = await ReadLatestAsync(
            connection, () => batch.ExecuteReaderAsync(cancellationToken), stations.Count * 6, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return observations;
    }

    /// <summary>
    /// The observations of a <see cref="LatestColumns"/> query, with each series' key from the cache; rows of series not
    /// cached yet wait until the reader is done and their keys are read in one query.
    /// </summary>
    private async Task<IReadOnlyList<Observation>> ReadLatestAsync(
        NpgsqlConnection connection, Func<Task<NpgsqlDataReader>> execute, int expected, CancellationToken cancellationToken)
    {
        var observations = new List<Observation>(expected);
        List<(int At, long SeriesId, Observation Row)>? waiting = null;
        await using (NpgsqlDataReader reader = await execute())
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                long seriesId = reader.GetInt64(0);
                if (_seriesKeys.TryGetValue(seriesId, out SeriesKey key))
                {
                    observations.Add(ReadObservation(reader, key, first: 1));
                }
                else
                {
                    (waiting ??= []).Add((observations.Count, seriesId, ReadObservation(reader, default, first: 1)));
                    observations.Add(null!);
                }
            }
        }

        if (waiting is not null)
        {
            await CacheSeriesKeysAsync(connection, waiting.Select(w => w.SeriesId), cancellationToken);
            foreach ((int at, long seriesId, Observation row) in waiting)
            {
                SeriesKey key = _seriesKeys[seriesId];
                observations[at] = row with { Station = key.Station, Parameter = key.Parameter, Interval = key.Interval };
            }
        }

        return observations;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ObservationRevision>> HistoryAsync(ObservationKey key, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {ObservationColumns}
            FROM series s JOIN (
                SELECT series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at
                FROM observation_history WHERE period_start = $4
                UNION ALL
                SELECT series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at
                FROM observation WHERE period_start = $4
            ) o ON o.series_id = s.id
            WHERE s.station_id = $1 AND s.parameter = $2 AND s.interval = $3
            ORDER BY o.revision;
            """, connection);
        command.Parameters.AddWithValue(key.Station.Value);
        command.Parameters.AddWithValue(key.Parameter.Value);
        command.Parameters.AddWithValue(StoreCodes.ToCode(key.Interval));
        command.Parameters.AddWithValue(PostgresValues.ToColumn(key.PeriodStart));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var revisions = new List<ObservationRevision>();
        var series = new Dictionary<long, SeriesKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            revisions.Add(new ObservationRevision(reader.GetInt32(4), ReadObservation(reader, series)));
        }

        return revisions;
    }

    private static Observation ReadObservation(NpgsqlDataReader reader, Dictionary<long, SeriesKey> series)
    {
        long seriesId = reader.GetInt64(13);
        if (!series.TryGetValue(seriesId, out SeriesKey key))
        {
            key = new SeriesKey(StationId.Parse(reader.GetString(0)), ParameterCode.Parse(reader.GetString(1)), StoreCodes.ToInterval(reader.GetString(2)));
            series.Add(seriesId, key);
        }

        return ReadObservation(reader, key);
    }

    /// <summary>An observation from the columns period_start … received_at starting at <paramref name="first"/>.</summary>
    private static Observation ReadObservation(NpgsqlDataReader reader, SeriesKey key, int first = 3) => new()
    {
        Station = key.Station,
        Parameter = key.Parameter,
        Interval = key.Interval,
        PeriodStart = PostgresValues.ToInstant(reader.GetDateTime(first)),
        Value = ReadDecimal(reader, first + 2),
        Min = ReadDecimal(reader, first + 3),
        Max = ReadDecimal(reader, first + 4),
        Total = ReadDecimal(reader, first + 5),
        ConvertedValue = ReadDecimal(reader, first + 6),
        Flag = DataFlag.Parse(reader.GetString(first + 7)),
        Source = StoreCodes.ToSource(reader.GetInt16(first + 8)),
        ReceivedAt = PostgresValues.ToInstant(reader.GetDateTime(first + 9)),
    };

    private static decimal? ReadDecimal(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    private static NpgsqlParameter<decimal?> Numeric(decimal? value) => new() { NpgsqlDbType = NpgsqlDbType.Numeric, TypedValue = value };
}
