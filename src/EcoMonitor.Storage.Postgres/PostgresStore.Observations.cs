using System.Text;
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
    public async Task<IReadOnlyList<Observation>> QueryAsync(ObservationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        var sql = new StringBuilder($"""
            SELECT {ObservationColumns}
            FROM series s JOIN observation o ON o.series_id = s.id
            WHERE s.station_id = $1 AND s.interval = $2 AND o.period_start >= $3 AND o.period_start < $4
            """);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.AddWithValue(query.Station.Value);
        command.Parameters.AddWithValue(StoreCodes.ToCode(query.Interval));
        command.Parameters.AddWithValue(PostgresValues.ToColumn(query.From));
        command.Parameters.AddWithValue(PostgresValues.ToColumn(query.To));
        command.Parameters.AddWithValue(query.Limit);
        if (query.Parameters.Count > 0)
        {
            sql.Append(" AND s.parameter = ANY($6)");
            command.Parameters.Add(TextArray([.. query.Parameters.Select(p => p.Value)]));
        }

        sql.Append(" ORDER BY o.period_start, s.parameter LIMIT $5;");
        command.CommandText = sql.ToString();
        return await ReadObservationsAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One index probe per series: each series row points at its newest period start (kept by ingestion).</remarks>
    public async Task<IReadOnlyList<Observation>> LatestAsync(StationId station, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {ObservationColumns}
            FROM series s JOIN observation o ON o.series_id = s.id AND o.period_start = s.latest_start
            WHERE s.station_id = $1
            ORDER BY s.parameter, s.interval;
            """, connection);
        command.Parameters.AddWithValue(station.Value);
        return await ReadObservationsAsync(command, cancellationToken);
    }

    /// <summary>Latest values of many stations at once (the map of a province): what <see cref="LatestAsync"/> gives per station, ordered by station.</summary>
    public async Task<IReadOnlyList<Observation>> LatestOfStationsAsync(IReadOnlyList<StationId> stations, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {ObservationColumns}
            FROM series s JOIN observation o ON o.series_id = s.id AND o.period_start = s.latest_start
            WHERE s.station_id = ANY($1)
            ORDER BY s.station_id, s.parameter, s.interval;
            """, connection);
        command.Parameters.Add(TextArray([.. stations.Select(s => s.Value)]));
        return await ReadObservationsAsync(command, cancellationToken);
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

    private static async Task<IReadOnlyList<Observation>> ReadObservationsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var observations = new List<Observation>();
        var series = new Dictionary<long, SeriesKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            observations.Add(ReadObservation(reader, series));
        }

        return observations;
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

    private static Observation ReadObservation(NpgsqlDataReader reader, SeriesKey key) => new()
    {
        Station = key.Station,
        Parameter = key.Parameter,
        Interval = key.Interval,
        PeriodStart = PostgresValues.ToInstant(reader.GetDateTime(3)),
        Value = ReadDecimal(reader, 5),
        Min = ReadDecimal(reader, 6),
        Max = ReadDecimal(reader, 7),
        Total = ReadDecimal(reader, 8),
        ConvertedValue = ReadDecimal(reader, 9),
        Flag = DataFlag.Parse(reader.GetString(10)),
        Source = StoreCodes.ToSource(reader.GetInt16(11)),
        ReceivedAt = PostgresValues.ToInstant(reader.GetDateTime(12)),
    };

    private static decimal? ReadDecimal(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    private static NpgsqlParameter<decimal?> Numeric(decimal? value) => new() { NpgsqlDbType = NpgsqlDbType.Numeric, TypedValue = value };
}
