using System.Text;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The hot path of ingestion — insert, ignore or revise one observation — as three statements prepared once on the
/// writer connection (SQLITE_PREPARE_PERSISTENT) and driven through SQLitePCLRaw, Microsoft.Data.Sqlite's own native
/// layer, so that an execution allocates nothing (decimals are formatted as UTF-8 into a stack buffer).
/// A new key costs one statement; a resend two; a revision three (the old row is copied to history, then updated).
/// A single <c>INSERT … ON CONFLICT DO UPDATE</c> with a history trigger was measured at twice the cost of a new key
/// (docs/benchmarks.md), hence the explicit steps. Not thread-safe; owned by <see cref="SqliteWriter"/>.
/// </summary>
internal sealed class ObservationUpsert : IDisposable
{
    // ?1 series, ?2 period start, ?3 value, ?4 min, ?5 max, ?6 total, ?7 converted, ?8 flag, ?9 source, ?10 received at.
    private const string InsertSql = """
        INSERT INTO observation
            (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at)
        VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        ON CONFLICT (series_id, period_start) DO NOTHING;
        """;

    private const string KeepHistorySql = """
        INSERT INTO observation_history
            (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at)
        SELECT series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at
        FROM observation
        WHERE series_id = ?1 AND period_start = ?2
            AND (value IS NOT ?3 OR min IS NOT ?4 OR max IS NOT ?5 OR total IS NOT ?6 OR converted IS NOT ?7 OR flag IS NOT ?8);
        """;

    private const string ReviseSql = """
        UPDATE observation SET
            revision = revision + 1, value = ?3, min = ?4, max = ?5, total = ?6, converted = ?7, flag = ?8,
            source = ?9, received_at = ?10
        WHERE series_id = ?1 AND period_start = ?2;
        """;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _keepHistory;
    private readonly sqlite3_stmt _revise;

    public ObservationUpsert(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");
        _insert = Prepare(InsertSql);
        _keepHistory = Prepare(KeepHistorySql);
        _revise = Prepare(ReviseSql);
    }

    /// <summary>Stores <paramref name="observation"/> in the writer's open transaction and says what that did.</summary>
    public AppendOutcome Execute(long seriesId, Observation observation)
    {
        if (Step(_insert, seriesId, observation) == 1)
        {
            return AppendOutcome.Inserted;
        }

        if (Step(_keepHistory, seriesId, observation) == 0)
        {
            return AppendOutcome.Unchanged;
        }

        Step(_revise, seriesId, observation);
        return AppendOutcome.Revised;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _keepHistory.Dispose();
        _revise.Dispose();
    }

    /// <summary>Binds, runs and resets <paramref name="statement"/>; returns the rows it changed.</summary>
    private int Step(sqlite3_stmt statement, long seriesId, Observation observation)
    {
        try
        {
            Bind(statement, seriesId, observation);
            Check(raw.sqlite3_step(statement), raw.SQLITE_DONE);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    // The history statement compares the payload only (?1 to ?8); the others take every value.
    private void Bind(sqlite3_stmt statement, long seriesId, Observation o)
    {
        Check(raw.sqlite3_bind_int64(statement, 1, seriesId));
        Check(raw.sqlite3_bind_int64(statement, 2, SqliteValues.ToColumn(o.PeriodStart)));
        BindDecimal(statement, 3, o.Value);
        BindDecimal(statement, 4, o.Min);
        BindDecimal(statement, 5, o.Max);
        BindDecimal(statement, 6, o.Total);
        BindDecimal(statement, 7, o.ConvertedValue);
        Span<byte> flag = stackalloc byte[8];
        int flagLength = Encoding.ASCII.GetBytes(o.Flag.Value, flag);
        Check(raw.sqlite3_bind_text(statement, 8, flag[..flagLength]));
        if (!ReferenceEquals(statement, _keepHistory))
        {
            Check(raw.sqlite3_bind_int64(statement, 9, StoreCodes.ToCode(o.Source)));
            Check(raw.sqlite3_bind_int64(statement, 10, SqliteValues.ToColumn(o.ReceivedAt)));
        }
    }

    private void BindDecimal(sqlite3_stmt statement, int index, decimal? value)
    {
        if (value is not { } d)
        {
            Check(raw.sqlite3_bind_null(statement, index));
            return;
        }

        Span<byte> buffer = stackalloc byte[64];
        Check(raw.sqlite3_bind_text(statement, index, SqliteValues.ToUtf8(d, buffer)));
    }

    private sqlite3_stmt Prepare(string sql)
    {
        int rc = raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out sqlite3_stmt statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        return statement;
    }

    private void Check(int rc, int expected = raw.SQLITE_OK)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
