using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// Pending background work (tables <c>work_pending</c>, filled by every append in its transaction through
/// <see cref="PendingWorkUpsert"/>, and <c>work_failure</c>; migration 13, ADR 0027).
/// </summary>
/// <summary>
/// <see cref="IPendingWorkStore"/> on SQLite (migration 13, ADR 0027): <c>work_pending</c> (one row per changed station-day, written by
/// every append in its transaction through <see cref="PendingWorkUpsert"/>) and <c>work_failure</c> (attempts, set-aside work).
/// </summary>
internal sealed class SqlitePendingWorkStore(SqliteDatabase db) : IPendingWorkStore
{
    private const string PendingColumns = "p.id, p.station_id, p.interval, p.day, p.version, p.changed_at";

    private const string FailureColumns = "id, kind, station_id, interval, day, attempts, last_error, failed_at, set_aside_at";

    // Whether the kind has set the row's station-day aside ("p" is the work_pending row).
    private const string IsSetAside = """
        EXISTS (SELECT 1 FROM work_failure f WHERE f.kind = $kind AND f.station_id = p.station_id AND f.interval = p.interval
                AND f.day = p.day AND f.set_aside_at IS NOT NULL)
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingDay>> PendingAsync(WorkKind kind, long afterId, Instant? changedBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {PendingColumns} FROM work_pending p
            WHERE p.id > $after AND p.{DoneColumn(kind)} < p.version AND ($before IS NULL OR p.changed_at <= $before) AND NOT {IsSetAside}
            ORDER BY p.id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$before", changedBefore is { } before ? SqliteValues.ToColumn(before) : DBNull.Value);
        command.Parameters.AddWithValue("$kind", StoreCodes.ToCode(kind));
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(ReadPending(reader));
        }

        return pending;
    }

    /// <inheritdoc />
    public Task CompleteAsync(WorkKind kind, IReadOnlyList<WorkMark> marks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Count == 0)
        {
            return Task.CompletedTask;
        }

        string done = DoneColumn(kind);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand advance = w.Connection.CreateCommand();
            advance.CommandText = $"""
                UPDATE work_pending AS p SET {done} = $to
                WHERE p.id = $id AND p.{done} >= $from - 1 AND p.{done} < $to AND NOT {IsSetAside};
                """;
            SqliteParameter id = advance.Parameters.Add("$id", SqliteType.Integer);
            SqliteParameter from = advance.Parameters.Add("$from", SqliteType.Integer);
            SqliteParameter to = advance.Parameters.Add("$to", SqliteType.Integer);
            advance.Parameters.AddWithValue("$kind", StoreCodes.ToCode(kind));
            using SqliteCommand forget = w.Connection.CreateCommand();
            forget.CommandText = $"""
                DELETE FROM work_failure
                WHERE kind = $kind AND set_aside_at IS NULL AND (station_id, interval, day) IN
                    (SELECT station_id, interval, day FROM work_pending WHERE id = $id AND {done} >= version);
                """;
            SqliteParameter forgetId = forget.Parameters.Add("$id", SqliteType.Integer);
            forget.Parameters.AddWithValue("$kind", StoreCodes.ToCode(kind));
            using SqliteCommand remove = w.Connection.CreateCommand();
            remove.CommandText = """
                DELETE FROM work_pending
                WHERE id = $id AND evaluation_done >= version AND quality_done >= version AND alarms_done >= version;
                """;
            SqliteParameter removeId = remove.Parameters.Add("$id", SqliteType.Integer);
            bool hasFailures = HasFailures(w.Connection, kind);
            foreach (WorkMark mark in marks)
            {
                id.Value = mark.Id;
                from.Value = mark.From;
                to.Value = mark.To;
                if (advance.ExecuteNonQuery() == 0)
                {
                    continue;
                }

                if (hasFailures)
                {
                    forgetId.Value = mark.Id;
                    forget.ExecuteNonQuery();
                }

                removeId.Value = mark.Id;
                remove.ExecuteNonQuery();
            }

            return marks.Count;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public Task<WorkFailure> FailAsync(WorkKind kind, WorkDay day, string message, int maxAttempts, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand find = w.Connection.CreateCommand();
            find.CommandText = "SELECT id, attempts, set_aside_at FROM work_failure WHERE kind = $kind AND station_id = $station AND interval = $interval AND day = $day;";
            AddFailureKey(find, kind, day);
            long? id = null;
            int attempts = 0;
            bool wasSetAside = false;
            using (SqliteDataReader reader = find.ExecuteReader())
            {
                if (reader.Read())
                {
                    id = reader.GetInt64(0);
                    attempts = reader.GetInt32(1);
                    wasSetAside = !reader.IsDBNull(2);
                }
            }

            attempts++;
            bool isSetAside = wasSetAside || attempts >= maxAttempts;
            using SqliteCommand write = w.Connection.CreateCommand();
            write.CommandText = id is null
                ? """
                  INSERT INTO work_failure (kind, station_id, interval, day, attempts, last_error, failed_at, set_aside_at)
                  VALUES ($kind, $station, $interval, $day, $attempts, $error, $at, $setAside) RETURNING id;
                  """
                : """
                  UPDATE work_failure SET attempts = $attempts, last_error = $error, failed_at = $at, set_aside_at = coalesce(set_aside_at, $setAside)
                  WHERE kind = $kind AND station_id = $station AND interval = $interval AND day = $day RETURNING id;
                  """;
            AddFailureKey(write, kind, day);
            write.Parameters.AddWithValue("$attempts", attempts);
            write.Parameters.AddWithValue("$error", message);
            write.Parameters.AddWithValue("$at", SqliteValues.ToColumn(at));
            write.Parameters.AddWithValue("$setAside", isSetAside ? SqliteValues.ToColumn(at) : DBNull.Value);
            long stored = (long)write.ExecuteScalar()!;
            return new WorkFailure(stored, attempts, isSetAside, isSetAside && !wasSetAside);
        }), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SetAsideWork>> SetAsideAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {FailureColumns} FROM work_failure WHERE set_aside_at IS NOT NULL ORDER BY set_aside_at, id LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<SetAsideWork>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadSetAside(reader));
        }

        return items;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<WorkKind, long>> CountSetAsideAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT kind, COUNT(*) FROM work_failure WHERE set_aside_at IS NOT NULL GROUP BY kind;";
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<WorkKind, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[StoreCodes.ToWorkKind(reader.GetString(0))] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <inheritdoc />
    public Task<RetriedWork?> RetryAsync(long id, CancellationToken cancellationToken) =>
        db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand remove = w.Connection.CreateCommand();
            remove.CommandText = $"DELETE FROM work_failure WHERE id = $id AND set_aside_at IS NOT NULL RETURNING {FailureColumns};";
            remove.Parameters.AddWithValue("$id", id);
            SetAsideWork? item = null;
            using (SqliteDataReader reader = remove.ExecuteReader())
            {
                if (reader.Read())
                {
                    item = ReadSetAside(reader);
                }
            }

            if (item is null)
            {
                return null;
            }

            using SqliteCommand find = w.Connection.CreateCommand();
            find.CommandText = $"""
                SELECT {PendingColumns} FROM work_pending p
                WHERE p.station_id = $station AND p.interval = $interval AND p.day = $day AND p.{DoneColumn(item.Kind)} < p.version;
                """;
            AddFailureKey(find, item.Kind, item.Day);
            using SqliteDataReader pending = find.ExecuteReader();
            return new RetriedWork(item, pending.Read() ? ReadPending(pending) : null);
        }), cancellationToken);

    /// <summary>The column of <paramref name="kind"/>'s completed version (a constant per kind, never data).</summary>
    private static string DoneColumn(WorkKind kind) => kind switch
    {
        WorkKind.Evaluation => "evaluation_done",
        WorkKind.Quality => "quality_done",
        WorkKind.Alarms => "alarms_done",
    };

    private static bool HasFailures(SqliteConnection connection, WorkKind kind)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM work_failure WHERE kind = $kind AND set_aside_at IS NULL);";
        command.Parameters.AddWithValue("$kind", StoreCodes.ToCode(kind));
        return (long)command.ExecuteScalar()! != 0;
    }

    private static void AddFailureKey(SqliteCommand command, WorkKind kind, WorkDay day)
    {
        command.Parameters.AddWithValue("$kind", StoreCodes.ToCode(kind));
        command.Parameters.AddWithValue("$station", day.Station.Value);
        command.Parameters.AddWithValue("$interval", StoreCodes.ToCode(day.Interval));
        command.Parameters.AddWithValue("$day", SqliteValues.DayColumn(day.Day));
    }

    private static WorkDay ReadDay(SqliteDataReader reader, int station) => new(
        StationId.Parse(reader.GetString(station)),
        StoreCodes.ToInterval(reader.GetString(station + 1)),
        ChinaTime.ToLocal(SqliteValues.ToInstant(reader.GetInt64(station + 2))).Date);

    private static PendingDay ReadPending(SqliteDataReader reader) =>
        new(reader.GetInt64(0), ReadDay(reader, 1), reader.GetInt64(4), SqliteValues.ToInstant(reader.GetInt64(5)));

    private static SetAsideWork ReadSetAside(SqliteDataReader reader) => new(
        reader.GetInt64(0), StoreCodes.ToWorkKind(reader.GetString(1)), ReadDay(reader, 2), reader.GetInt32(5), reader.GetString(6),
        SqliteValues.ToInstant(reader.GetInt64(7)), SqliteValues.ToInstant(reader.GetInt64(8)));
}
