using System.Diagnostics;
using System.Globalization;
using System.Text;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IObservationStore"/> on SQLite: <c>series</c>, <c>observation</c> and <c>observation_history</c>; appends on the
/// writer connection's prepared statements (<see cref="SqliteWriter"/>) with their pending work in one transaction.
/// </summary>
internal sealed class SqliteObservationStore(SqliteDatabase db) : IObservationStore
{
    // Column order read by ReadObservation (after the series columns station_id, parameter, interval; the series id last).
    private const string ObservationColumns =
        "s.station_id, s.parameter, s.interval, o.period_start, o.revision, o.value, o.min, o.max, o.total, o.converted, o.flag, o.source, o.received_at, o.series_id";

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken) =>
        TracedAppendAsync(observations, null, null, cancellationToken);

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(
        IReadOnlyList<Observation> observations, List<DayChange> changes, List<AppendOutcome>? outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return TracedAppendAsync(observations, changes, outcomes, cancellationToken);
    }

    private async Task<AppendResult> TracedAppendAsync(
        IReadOnlyList<Observation> observations, List<DayChange>? changes, List<AppendOutcome>? outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        using Activity? activity = SqliteTelemetry.Start("store.append", 0, observations.Count);
        return await Append(observations, changes, outcomes, cancellationToken);
    }

    private Task<AppendResult> Append(
        IReadOnlyList<Observation> observations, List<DayChange>? changes, List<AppendOutcome>? outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        long changedAt = SqliteValues.ToColumn(Instant.FromDateTimeOffset(db.TimeProvider.GetUtcNow()));
        return db.WriteAsync(
            writer =>
            {
                int before = changes?.Count ?? 0;
                int outcomesBefore = outcomes?.Count ?? 0;
                try
                {
                    return db.InTransaction(writer, 0, observations.Count, w => w.Append(observations, outcomes, changes, changedAt));
                }
                catch
                {
                    // Rolled back: the rows these changes and outcomes named were not written.
                    changes?.RemoveRange(before, changes.Count - before);
                    outcomes?.RemoveRange(outcomesBefore, outcomes.Count - outcomesBefore);
                    throw;
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Observation>> QueryAsync(ObservationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        using Activity? activity = SqliteTelemetry.Start("store.query", 0, 0);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        var sql = new StringBuilder($"""
            SELECT {ObservationColumns}
            FROM series s JOIN observation o ON o.series_id = s.id
            WHERE s.station_id = $station AND s.interval = $interval AND o.period_start >= $from AND o.period_start < $to
            """);
        command.Parameters.AddWithValue("$station", query.Station.Value);
        command.Parameters.AddWithValue("$interval", StoreCodes.ToCode(query.Interval));
        command.Parameters.AddWithValue("$from", SqliteValues.ToColumn(query.From));
        command.Parameters.AddWithValue("$to", SqliteValues.ToColumn(query.To));
        if (query.Parameters.Count > 0)
        {
            sql.Append(" AND s.parameter IN (");
            for (int i = 0; i < query.Parameters.Count; i++)
            {
                string name = string.Create(CultureInfo.InvariantCulture, $"$p{i}");
                sql.Append(i == 0 ? name : "," + name);
                command.Parameters.AddWithValue(name, query.Parameters[i].Value);
            }

            sql.Append(')');
        }

        sql.Append(" ORDER BY o.period_start, s.parameter LIMIT $limit;");
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.CommandText = sql.ToString();
        return await ReadObservationsAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Observation>> LatestAsync(StationId station, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ObservationColumns}
            FROM series s JOIN observation o ON o.series_id = s.id
                AND o.period_start = (SELECT MAX(period_start) FROM observation WHERE series_id = s.id)
            WHERE s.station_id = $station
            ORDER BY s.parameter, s.interval;
            """;
        command.Parameters.AddWithValue("$station", station.Value);
        return await ReadObservationsAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ObservationRevision>> HistoryAsync(ObservationKey key, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ObservationColumns}
            FROM series s JOIN (
                SELECT series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at
                FROM observation_history WHERE period_start = $start
                UNION ALL
                SELECT series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at
                FROM observation WHERE period_start = $start
            ) o ON o.series_id = s.id
            WHERE s.station_id = $station AND s.parameter = $parameter AND s.interval = $interval
            ORDER BY o.revision;
            """;
        command.Parameters.AddWithValue("$station", key.Station.Value);
        command.Parameters.AddWithValue("$parameter", key.Parameter.Value);
        command.Parameters.AddWithValue("$interval", StoreCodes.ToCode(key.Interval));
        command.Parameters.AddWithValue("$start", SqliteValues.ToColumn(key.PeriodStart));
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var revisions = new List<ObservationRevision>();
        while (await reader.ReadAsync(cancellationToken))
        {
            revisions.Add(new ObservationRevision(reader.GetInt32(4), ReadObservation(reader)));
        }

        return revisions;
    }

    /// <summary>
    /// Reads the rows of <paramref name="command"/> (<see cref="ObservationColumns"/>). A series' station, parameter and
    /// interval are read and parsed once per query, not per row: the background workers read a station's window of
    /// every parameter back after each commit, rows of a few series in turn.
    /// </summary>
    private static async Task<IReadOnlyList<Observation>> ReadObservationsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var observations = new List<Observation>();
        var series = new Dictionary<long, SeriesColumns>();
        while (await reader.ReadAsync(cancellationToken))
        {
            long seriesId = reader.GetInt64(13);
            if (!series.TryGetValue(seriesId, out SeriesColumns? names))
            {
                names = ReadSeries(reader);
                series.Add(seriesId, names);
            }

            observations.Add(ReadObservation(reader, names));
        }

        return observations;
    }

    private static Observation ReadObservation(SqliteDataReader reader) => ReadObservation(reader, ReadSeries(reader));

    private static SeriesColumns ReadSeries(SqliteDataReader reader) =>
        new(StationId.Parse(reader.GetString(0)), ParameterCode.Parse(reader.GetString(1)), StoreCodes.ToInterval(reader.GetString(2)));

    private static Observation ReadObservation(SqliteDataReader reader, SeriesColumns series) => new()
    {
        Station = series.Station,
        Parameter = series.Parameter,
        Interval = series.Interval,
        PeriodStart = SqliteValues.ToInstant(reader.GetInt64(3)),
        Value = SqliteValues.NullableDecimal(reader, 5),
        Min = SqliteValues.NullableDecimal(reader, 6),
        Max = SqliteValues.NullableDecimal(reader, 7),
        Total = SqliteValues.NullableDecimal(reader, 8),
        ConvertedValue = SqliteValues.NullableDecimal(reader, 9),
        Flag = DataFlag.Parse(reader.GetString(10)),
        Source = StoreCodes.ToSource(reader.GetInt64(11)),
        ReceivedAt = SqliteValues.ToInstant(reader.GetInt64(12)),
    };

    /// <summary>The series columns of an observation row, parsed once per series and query.</summary>
    private sealed record SeriesColumns(StationId Station, ParameterCode Parameter, ObservationInterval Interval);
}
