using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Pending background work (tables <c>work_pending</c>, filled by every append in its transaction through
/// <see cref="PendingWorkUpsert"/>, and <c>work_failure</c>; migration 12, ADR 0027). Writers lock pending rows in key
/// order, as the appends do, so that completing work and ingesting never deadlock.
/// </summary>
/// <summary>
/// <see cref="IPendingWorkStore"/> on PostgreSQL (migration 12, ADR 0027): <c>work_pending</c> (one row per changed station-day, written
/// by every append in its transaction through <see cref="PendingWorkUpsert"/>), completion marks in rounds, <c>work_failure</c>.
/// </summary>
internal sealed class PostgresPendingWorkStore(PostgresDatabase db) : IPendingWorkStore
{
    private const string PendingColumns = "p.id, p.station_id, p.interval, p.day, p.version, p.changed_at";

    private const string FailureColumns = "id, kind, station_id, interval, day, attempts, last_error, failed_at, set_aside_at";

    // Whether the kind (@kind) has set the row's station-day aside ("p" is the work_pending row).
    private const string IsSetAside = """
        EXISTS (SELECT 1 FROM work_failure f WHERE f.kind = @kind AND f.station_id = p.station_id AND f.interval = p.interval
                AND f.day = p.day AND f.set_aside_at IS NOT NULL)
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingDay>> PendingAsync(WorkKind kind, long afterId, Instant? changedBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {PendingColumns} FROM work_pending p
            WHERE p.id > @after AND p.{DoneColumn(kind)} < p.version AND (@before::timestamptz IS NULL OR p.changed_at <= @before) AND NOT {IsSetAside}
            ORDER BY p.id LIMIT @limit;
            """, connection);
        command.Parameters.AddWithValue("after", afterId);
        command.Parameters.Add(new NpgsqlParameter<DateTime?>("before", NpgsqlDbType.TimestampTz) { TypedValue = changedBefore is { } b ? PostgresValues.ToColumn(b) : null });
        command.Parameters.AddWithValue("kind", StoreCodes.ToCode(kind));
        command.Parameters.AddWithValue("limit", limit);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(ReadPending(reader));
        }

        return pending;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Set-based: the marked rows are locked in key order, then advanced in rounds (the n-th mark of each row in round n;
    /// a row's later mark may need its earlier one), then the kind's attempts at completed days are forgotten and the rows
    /// every consumer completed removed.
    /// </remarks>
    public Task CompleteAsync(WorkKind kind, IReadOnlyList<WorkMark> marks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Count == 0)
        {
            return Task.CompletedTask;
        }

        string done = DoneColumn(kind);
        long[] ids = [.. marks.Select(m => m.Id).Distinct()];
        List<List<WorkMark>> rounds = Rounds(marks);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using (var lockRows = new NpgsqlCommand(
                "SELECT id FROM work_pending WHERE id = ANY(@ids) ORDER BY station_id, interval, day FOR UPDATE;", connection, transaction))
            {
                lockRows.Parameters.AddWithValue("ids", ids);
                await lockRows.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (List<WorkMark> round in rounds)
            {
                await using var advance = new NpgsqlCommand($"""
                    UPDATE work_pending p SET {done} = m.to_v
                    FROM unnest(@ids::bigint[], @from::bigint[], @to::bigint[]) AS m (id, from_v, to_v)
                    WHERE p.id = m.id AND p.{done} >= m.from_v - 1 AND p.{done} < m.to_v AND NOT {IsSetAside};
                    """, connection, transaction);
                advance.Parameters.AddWithValue("ids", round.Select(m => m.Id).ToArray());
                advance.Parameters.AddWithValue("from", round.Select(m => m.From).ToArray());
                advance.Parameters.AddWithValue("to", round.Select(m => m.To).ToArray());
                advance.Parameters.AddWithValue("kind", StoreCodes.ToCode(kind));
                await advance.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var cleanUp = new NpgsqlCommand($"""
                DELETE FROM work_failure f USING work_pending p
                WHERE p.id = ANY(@ids) AND p.{done} >= p.version AND f.kind = @kind AND f.set_aside_at IS NULL
                    AND f.station_id = p.station_id AND f.interval = p.interval AND f.day = p.day;
                DELETE FROM work_pending
                WHERE id = ANY(@ids) AND evaluation_done >= version AND quality_done >= version AND alarms_done >= version;
                """, connection, transaction);
            cleanUp.Parameters.AddWithValue("ids", ids);
            cleanUp.Parameters.AddWithValue("kind", StoreCodes.ToCode(kind));
            return await cleanUp.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WorkFailure> FailAsync(WorkKind kind, WorkDay day, string message, int maxAttempts, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            bool wasSetAside;
            await using (var find = new NpgsqlCommand(
                "SELECT set_aside_at IS NOT NULL FROM work_failure WHERE kind = @kind AND station_id = @station AND interval = @interval AND day = @day FOR UPDATE;",
                connection, transaction))
            {
                AddFailureKey(find, kind, day);
                wasSetAside = await find.ExecuteScalarAsync(cancellationToken) is true;
            }

            await using var write = new NpgsqlCommand("""
                INSERT INTO work_failure (kind, station_id, interval, day, attempts, last_error, failed_at, set_aside_at)
                VALUES (@kind, @station, @interval, @day, 1, @error, @at, CASE WHEN 1 >= @max THEN @at END)
                ON CONFLICT (kind, station_id, interval, day) DO UPDATE SET
                    attempts = work_failure.attempts + 1, last_error = excluded.last_error, failed_at = excluded.failed_at,
                    set_aside_at = coalesce(work_failure.set_aside_at, CASE WHEN work_failure.attempts + 1 >= @max THEN excluded.failed_at END)
                RETURNING id, attempts, set_aside_at IS NOT NULL;
                """, connection, transaction);
            AddFailureKey(write, kind, day);
            write.Parameters.AddWithValue("error", message);
            write.Parameters.Add(new NpgsqlParameter<DateTime>("at", NpgsqlDbType.TimestampTz) { TypedValue = PostgresValues.ToColumn(at) });
            write.Parameters.AddWithValue("max", maxAttempts);
            await using NpgsqlDataReader reader = await write.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            bool isSetAside = reader.GetBoolean(2);
            return new WorkFailure(reader.GetInt64(0), reader.GetInt32(1), isSetAside, isSetAside && !wasSetAside);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SetAsideWork>> SetAsideAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {FailureColumns} FROM work_failure WHERE set_aside_at IS NOT NULL ORDER BY set_aside_at, id LIMIT @limit;", connection);
        command.Parameters.AddWithValue("limit", limit);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
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
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT kind, count(*) FROM work_failure WHERE set_aside_at IS NOT NULL GROUP BY kind;", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<WorkKind, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[StoreCodes.ToWorkKind(reader.GetString(0))] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <inheritdoc />
    public Task<RetriedWork?> RetryAsync(long id, CancellationToken cancellationToken) =>
        db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            SetAsideWork? item = null;
            await using (var remove = new NpgsqlCommand(
                $"DELETE FROM work_failure WHERE id = @id AND set_aside_at IS NOT NULL RETURNING {FailureColumns};", connection, transaction))
            {
                remove.Parameters.AddWithValue("id", id);
                await using NpgsqlDataReader reader = await remove.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    item = ReadSetAside(reader);
                }
            }

            if (item is null)
            {
                return null;
            }

            await using var find = new NpgsqlCommand($"""
                SELECT {PendingColumns} FROM work_pending p
                WHERE p.station_id = @station AND p.interval = @interval AND p.day = @day AND p.{DoneColumn(item.Kind)} < p.version;
                """, connection, transaction);
            AddFailureKey(find, item.Kind, item.Day);
            await using NpgsqlDataReader pending = await find.ExecuteReaderAsync(cancellationToken);
            return (RetriedWork?)new RetriedWork(item, await pending.ReadAsync(cancellationToken) ? ReadPending(pending) : null);
        }, cancellationToken);

    /// <summary>The column of <paramref name="kind"/>'s completed version (a constant per kind, never data).</summary>
    private static string DoneColumn(WorkKind kind) => kind switch
    {
        WorkKind.Evaluation => "evaluation_done",
        WorkKind.Quality => "quality_done",
        WorkKind.Alarms => "alarms_done",
    };

    /// <summary>The marks in rounds: round n holds the n-th mark of each row, in the order given.</summary>
    private static List<List<WorkMark>> Rounds(IReadOnlyList<WorkMark> marks)
    {
        var rounds = new List<List<WorkMark>>();
        var seen = new Dictionary<long, int>();
        foreach (WorkMark mark in marks)
        {
            int round = seen.TryGetValue(mark.Id, out int earlier) ? earlier + 1 : 0;
            seen[mark.Id] = round;
            if (round == rounds.Count)
            {
                rounds.Add([]);
            }

            rounds[round].Add(mark);
        }

        return rounds;
    }

    private static void AddFailureKey(NpgsqlCommand command, WorkKind kind, WorkDay day)
    {
        command.Parameters.AddWithValue("kind", StoreCodes.ToCode(kind));
        command.Parameters.AddWithValue("station", day.Station.Value);
        command.Parameters.AddWithValue("interval", StoreCodes.ToCode(day.Interval));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("day", NpgsqlDbType.Date) { TypedValue = day.Day.ToDateOnly() });
    }

    private static WorkDay ReadDay(NpgsqlDataReader reader, int station) => new(
        StationId.Parse(reader.GetString(station)),
        StoreCodes.ToInterval(reader.GetString(station + 1)),
        LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(station + 2)));

    private static PendingDay ReadPending(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), ReadDay(reader, 1), reader.GetInt64(4), PostgresValues.ToInstant(reader.GetDateTime(5)));

    private static SetAsideWork ReadSetAside(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), StoreCodes.ToWorkKind(reader.GetString(1)), ReadDay(reader, 2), reader.GetInt32(5), reader.GetString(6),
        PostgresValues.ToInstant(reader.GetDateTime(7)), PostgresValues.ToInstant(reader.GetDateTime(8)));
}
