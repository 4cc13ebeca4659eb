using System.Text;
using EcoMonitor.Application.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The per-frame statements of ingestion — archive a raw frame, record a packet, look a packet up — prepared once on
/// the writer connection (SQLITE_PREPARE_PERSISTENT) and driven through SQLitePCLRaw like
/// <see cref="ObservationUpsert"/>: short texts are encoded as UTF-8 on the stack and the frame's bytes are bound as
/// they are, so a frame costs no <see cref="SqliteCommand"/> parameter boxing. Through <see cref="SqliteCommand"/>
/// these cost more than the frame's observations together (docs/benchmarks.md). Not thread-safe; owned by
/// <see cref="SqliteWriter"/>.
/// </summary>
internal sealed class IngestStatements : IDisposable
{
    private const string InsertFrameSql = """
        INSERT INTO raw_frame (received_at, peer, station_id, command_code, request_number, bytes, outcome, reason)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);
        """;

    private const string InsertPacketSql = """
        INSERT INTO packet (station_id, request_number, packet_number, committed_at)
        VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT DO NOTHING;
        """;

    private const string FindPacketSql = "SELECT 1 FROM packet WHERE station_id = ?1 AND request_number = ?2 AND packet_number = ?3;";

    // Texts up to this many UTF-8 bytes are encoded on the stack; longer ones (rare: reasons, odd peers) on the heap.
    private const int StackTextBytes = 256;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insertFrame;
    private readonly sqlite3_stmt _insertPacket;
    private readonly sqlite3_stmt _findPacket;

    public IngestStatements(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");
        _insertFrame = Prepare(InsertFrameSql);
        _insertPacket = Prepare(InsertPacketSql);
        _findPacket = Prepare(FindPacketSql);
    }

    public void InsertFrame(RawFrame frame)
    {
        try
        {
            Check(raw.sqlite3_bind_int64(_insertFrame, 1, SqliteValues.ToColumn(frame.ReceivedAt)));
            BindText(_insertFrame, 2, frame.Peer);
            BindText(_insertFrame, 3, frame.StationId);
            BindText(_insertFrame, 4, frame.CommandCode);
            BindText(_insertFrame, 5, frame.RequestNumber);
            // An empty span would bind NULL (no pointer); the column wants an empty blob.
            Check(frame.Bytes.IsEmpty
                ? raw.sqlite3_bind_zeroblob(_insertFrame, 6, 0)
                : raw.sqlite3_bind_blob(_insertFrame, 6, frame.Bytes.Span));
            BindText(_insertFrame, 7, StoreCodes.ToCode(frame.Outcome));
            BindText(_insertFrame, 8, frame.Reason);
            Check(raw.sqlite3_step(_insertFrame), raw.SQLITE_DONE);
        }
        finally
        {
            raw.sqlite3_reset(_insertFrame);
        }
    }

    public void InsertPacket(PacketId packet, long committedAt)
    {
        try
        {
            BindPacket(_insertPacket, packet);
            Check(raw.sqlite3_bind_int64(_insertPacket, 4, committedAt));
            Check(raw.sqlite3_step(_insertPacket), raw.SQLITE_DONE);
        }
        finally
        {
            raw.sqlite3_reset(_insertPacket);
        }
    }

    /// <summary>True when <paramref name="packet"/> is recorded (committed, or inserted earlier in the open transaction).</summary>
    public bool IsKnown(PacketId packet)
    {
        try
        {
            BindPacket(_findPacket, packet);
            int rc = raw.sqlite3_step(_findPacket);
            if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return rc == raw.SQLITE_ROW;
        }
        finally
        {
            raw.sqlite3_reset(_findPacket);
        }
    }

    public void Dispose()
    {
        _insertFrame.Dispose();
        _insertPacket.Dispose();
        _findPacket.Dispose();
    }

    private void BindPacket(sqlite3_stmt statement, PacketId packet)
    {
        BindText(statement, 1, packet.StationId);
        BindText(statement, 2, packet.RequestNumber);
        Check(raw.sqlite3_bind_int64(statement, 3, packet.PacketNumber));
    }

    private void BindText(sqlite3_stmt statement, int index, string? text)
    {
        if (text is null)
        {
            Check(raw.sqlite3_bind_null(statement, index));
            return;
        }

        if (text.Length == 0)
        {
            // An empty span would bind NULL (no pointer); the string overload binds empty text.
            Check(raw.sqlite3_bind_text(statement, index, string.Empty));
            return;
        }

        // bind_text copies the bytes (SQLITE_TRANSIENT), so the stack buffer may go once this returns.
        int length = Encoding.UTF8.GetByteCount(text);
        Span<byte> utf8 = length <= StackTextBytes ? stackalloc byte[StackTextBytes] : new byte[length];
        int written = Encoding.UTF8.GetBytes(text, utf8);
        Check(raw.sqlite3_bind_text(statement, index, utf8[..written]));
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
