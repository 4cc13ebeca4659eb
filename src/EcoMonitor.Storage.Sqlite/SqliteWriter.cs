using System.Runtime.InteropServices;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The one connection that writes, with its prepared commands (created once, reused by every batch) and the cache of
/// series ids. Not thread-safe: <see cref="SqliteStore"/> owns it and uses it only while holding its write lock.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _findSeries;
    private readonly SqliteCommand _insertSeries;
    private ObservationUpsert? _upsertObservation;
    private readonly SqliteCommand _insertFrame;
    private readonly SqliteCommand _insertPacket;
    private readonly Dictionary<SeriesKey, long> _seriesIds = [];
    private readonly List<SeriesKey> _seriesAddedInTransaction = [];

    public SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;
        _findSeries = Prepare("SELECT id FROM series WHERE station_id = $station AND parameter = $parameter AND interval = $interval;",
            "$station", "$parameter", "$interval");
        _insertSeries = Prepare("INSERT INTO series (station_id, parameter, interval) VALUES ($station, $parameter, $interval) RETURNING id;",
            "$station", "$parameter", "$interval");
        _insertFrame = Prepare("""
            INSERT INTO raw_frame (received_at, peer, station_id, command_code, request_number, bytes, outcome, reason)
            VALUES ($received, $peer, $station, $command, $request, $bytes, $outcome, $reason);
            """,
            "$received", "$peer", "$station", "$command", "$request", "$bytes", "$outcome", "$reason");
        _insertPacket = Prepare("""
            INSERT INTO packet (station_id, request_number, packet_number, committed_at)
            VALUES ($station, $request, $number, $committed)
            ON CONFLICT DO NOTHING;
            """,
            "$station", "$request", "$number", "$committed");
    }

    public SqliteConnection Connection => _connection;

    /// <summary>Starts a write transaction (BEGIN IMMEDIATE) and enlists the prepared commands in it.</summary>
    public SqliteTransaction Begin()
    {
        SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
        _findSeries.Transaction = transaction;
        _insertSeries.Transaction = transaction;
        _insertFrame.Transaction = transaction;
        _insertPacket.Transaction = transaction;
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

    public AppendResult Append(IReadOnlyList<Observation> observations, List<AppendOutcome>? outcomes)
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
            outcomes?.Add(outcome);
            switch (outcome)
            {
                case AppendOutcome.Inserted: inserted++; break;
                case AppendOutcome.Unchanged: unchanged++; break;
                case AppendOutcome.Revised: revised++; break;
            }
        }

        return new AppendResult(inserted, unchanged, revised);
    }

    public void InsertFrame(RawFrame frame)
    {
        SqliteParameterCollection p = _insertFrame.Parameters;
        p[0].Value = SqliteValues.ToColumn(frame.ReceivedAt);
        p[1].Value = frame.Peer;
        p[2].Value = (object?)frame.StationId ?? DBNull.Value;
        p[3].Value = (object?)frame.CommandCode ?? DBNull.Value;
        p[4].Value = (object?)frame.RequestNumber ?? DBNull.Value;
        p[5].Value = WholeArray(frame.Bytes);
        p[6].Value = SqliteValues.ToCode(frame.Outcome);
        p[7].Value = (object?)frame.Reason ?? DBNull.Value;
        _insertFrame.ExecuteNonQuery();
    }

    public void InsertPacket(PacketId packet, long committedAt)
    {
        SqliteParameterCollection p = _insertPacket.Parameters;
        p[0].Value = packet.StationId;
        p[1].Value = packet.RequestNumber;
        p[2].Value = packet.PacketNumber;
        p[3].Value = committedAt;
        _insertPacket.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _findSeries.Dispose();
        _insertSeries.Dispose();
        _upsertObservation?.Dispose();
        _insertFrame.Dispose();
        _insertPacket.Dispose();
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
        command.Parameters[2].Value = SqliteValues.ToCode(key.Interval);
        if (command.ExecuteScalar() is long existing)
        {
            _seriesIds.Add(key, existing);
            return existing;
        }

        command = _insertSeries;
        command.Parameters[0].Value = key.Station.Value;
        command.Parameters[1].Value = key.Parameter.Value;
        command.Parameters[2].Value = SqliteValues.ToCode(key.Interval);
        id = (long)command.ExecuteScalar()!;
        _seriesIds.Add(key, id);
        _seriesAddedInTransaction.Add(key);
        return id;
    }

    private static byte[] WholeArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out ArraySegment<byte> segment)
            && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();

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
