using System.Text;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// Records a changed station-day as pending work in the writer's open transaction (<see cref="IPendingWorkStore"/>):
/// one statement, prepared once (SQLITE_PREPARE_PERSISTENT) and driven through SQLitePCLRaw like
/// <see cref="ObservationUpsert"/>, stepped once per distinct station-day of an append (not per value), returning the
/// row's id and its new version. Not thread-safe; owned by <see cref="SqliteWriter"/>.
/// </summary>
internal sealed class PendingWorkUpsert : IDisposable
{
    // ?1 station, ?2 interval code, ?3 day (Unix ms of 00:00 CST), ?4 changed at (Unix ms).
    private const string UpsertSql = """
        INSERT INTO work_pending (station_id, interval, day, version, changed_at) VALUES (?1, ?2, ?3, 1, ?4)
        ON CONFLICT (station_id, interval, day) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at
        RETURNING id, version;
        """;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _upsert;

    public PendingWorkUpsert(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");
        int rc = raw.sqlite3_prepare_v3(_db, UpsertSql, raw.SQLITE_PREPARE_PERSISTENT, out _upsert);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Counts one more change of <paramref name="day"/>; returns what that did to its pending row.</summary>
    public DayChange Execute(WorkDay day, long changedAt)
    {
        try
        {
            // Station ids are at most 24 ASCII characters (StationId): the stack holds them.
            Span<byte> station = stackalloc byte[64];
            int length = Encoding.UTF8.GetBytes(day.Station.Value, station);
            Check(raw.sqlite3_bind_text(_upsert, 1, station[..length]));
            Check(raw.sqlite3_bind_text(_upsert, 2, StoreCodes.ToCode(day.Interval)));
            Check(raw.sqlite3_bind_int64(_upsert, 3, SqliteValues.DayColumn(day.Day)));
            Check(raw.sqlite3_bind_int64(_upsert, 4, changedAt));
            Check(raw.sqlite3_step(_upsert), raw.SQLITE_ROW);
            var change = new DayChange(day, raw.sqlite3_column_int64(_upsert, 0), raw.sqlite3_column_int64(_upsert, 1));
            Check(raw.sqlite3_step(_upsert), raw.SQLITE_DONE);
            return change;
        }
        finally
        {
            raw.sqlite3_reset(_upsert);
        }
    }

    public void Dispose() => _upsert.Dispose();

    private void Check(int rc, int expected = raw.SQLITE_OK)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
