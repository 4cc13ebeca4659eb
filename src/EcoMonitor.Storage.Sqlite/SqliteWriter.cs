using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The one connection that writes, with its prepared commands (created once, reused by every batch) and the cache of
/// series ids. Not thread-safe: <see cref="SqliteDatabase"/> owns it and hands it out only while holding its write lock.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _findSeries;
    private readonly SqliteCommand _insertSeries;
    private ObservationUpsert? _upsertObservation;
    private IngestStatements? _ingest;
    private PendingWorkUpsert? _upsertWork;
    private readonly List<AppendOutcome> _outcomes = [];
    private readonly List<WorkDay> _changedDays = [];
    private readonly HashSet<WorkDay> _seenDays = [];
    private readonly Dictionary<SeriesKey, long> _seriesIds = [];
    private readonly List<SeriesKey> _seriesAddedInTransaction = [];

    public SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;
        _findSeries = Prepare("SELECT id FROM series WHERE station_id = $station AND parameter = $parameter AND interval = $interval;",
            "$station", "$parameter", "$interval");
        _insertSeries = Prepare("INSERT INTO series (station_id, parameter, interval) VALUES ($station, $parameter, $interval) RETURNING id;",
            "$station", "$parameter", "$interval");
    }

    public SqliteConnection Connection => _connection;

    /// <summary>Starts a write transaction (BEGIN IMMEDIATE) and enlists the prepared commands in it.</summary>
    public SqliteTransaction Begin()
    {
        SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
        _findSeries.Transaction = transaction;
        _insertSeries.Transaction = transaction;
        _seriesAddedInTransaction.Clear();
        return transaction;
    }

    /// <summary>Forgets series ids created by a transaction that was rolled back (their ids may be reused).</summary>
    public void ForgetRolledBackSeries()
    {
        foreach (SeriesKey key in _seriesAddedInTransaction)
        {
            _seriesIds.Remove(key);
        }

        _seriesAddedInTransaction.Clear();
    }

    /// <summary>
    /// Appends <paramref name="observations"/> in the open transaction (adding each outcome to <paramref name="outcomes"/>,
    /// empty, when given) and records the station-days it changed as pending work, changed at <paramref name="changedAt"/> (Unix
    /// ms), adding what that did to <paramref name="changes"/> when given.
    /// </summary>
    public AppendResult Append(IReadOnlyList<Observation> observations, List<AppendOutcome>? outcomes, List<DayChange>? changes, long changedAt)
    {
        if (outcomes is null)
        {
            _outcomes.Clear();
            outcomes = _outcomes;
        }

        AppendResult result = Upsert(observations, outcomes);
        RecordWork(observations, outcomes, changes, changedAt);
        return result;
    }

    private AppendResult Upsert(IReadOnlyList<Observation> observations, List<AppendOutcome> outcomes)
    {
        int inserted = 0;
        int unchanged = 0;
        int revised = 0;
        // Prepared on first use, once the schema exists; reused by every later append.
        _upsertObservation ??= new ObservationUpsert(_connection);
        for (int i = 0; i < observations.Count; i++)
        {
            Observation o = observations[i];
            AppendOutcome outcome = _upsertObservation.Execute(SeriesId(new SeriesKey(o.Station, o.Parameter, o.Interval)), o);
            outcomes.Add(outcome);
            switch (outcome)
            {
                case AppendOutcome.Inserted: inserted++; break;
                case AppendOutcome.Unchanged: unchanged++; break;
                case AppendOutcome.Revised: revised++; break;
            }
        }

        return new AppendResult(inserted, unchanged, revised);
    }

    /// <summary>One upsert per distinct changed station-day (a batch's values share few), in the append's transaction.</summary>
    private void RecordWork(IReadOnlyList<Observation> observations, List<AppendOutcome> outcomes, List<DayChange>? changes, long changedAt)
    {
        _changedDays.Clear();
        _seenDays.Clear();
        ChangedDays.Collect(observations, outcomes, _changedDays, _seenDays);
        if (_changedDays.Count == 0)
        {
            return;
        }

        // Prepared on first use, once the schema exists; reused by every later append.
        _upsertWork ??= new PendingWorkUpsert(_connection);
        foreach (WorkDay day in _changedDays)
        {
            DayChange change = _upsertWork.Execute(day, changedAt);
            changes?.Add(change);
        }
    }

    public void InsertFrame(RawFrame frame) => Ingest.InsertFrame(frame);

    public void InsertPacket(PacketId packet, long committedAt) => Ingest.InsertPacket(packet, committedAt);

    /// <summary>Which of <paramref name="packets"/> are recorded; outside a transaction, that is committed.</summary>
    public HashSet<PacketId> FindKnownPackets(IReadOnlyCollection<PacketId> packets)
    {
        var known = new HashSet<PacketId>();
        foreach (PacketId packet in packets)
        {
            if (Ingest.IsKnown(packet))
            {
                known.Add(packet);
            }
        }

        return known;
    }

    public void Dispose()
    {
        _findSeries.Dispose();
        _insertSeries.Dispose();
        _upsertObservation?.Dispose();
        _upsertWork?.Dispose();
        _ingest?.Dispose();
        _connection.Dispose();
    }

    private long SeriesId(SeriesKey key)
    {
        if (_seriesIds.TryGetValue(key, out long id))
        {
            return id;
        }

        SqliteCommand command = _findSeries;
        command.Parameters[0].Value = key.Station.Value;
        command.Parameters[1].Value = key.Parameter.Value;
        command.Parameters[2].Value = StoreCodes.ToCode(key.Interval);
        if (command.ExecuteScalar() is long existing)
        {
            _seriesIds.Add(key, existing);
            return existing;
        }

        command = _insertSeries;
        command.Parameters[0].Value = key.Station.Value;
        command.Parameters[1].Value = key.Parameter.Value;
        command.Parameters[2].Value = StoreCodes.ToCode(key.Interval);
        id = (long)command.ExecuteScalar()!;
        _seriesIds.Add(key, id);
        _seriesAddedInTransaction.Add(key);
        return id;
    }

    // Prepared on first use, once the schema exists; reused by every later batch.
    private IngestStatements Ingest => _ingest ??= new IngestStatements(_connection);

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (string name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private readonly record struct SeriesKey(StationId Station, ParameterCode Parameter, ObservationInterval Interval);
}
