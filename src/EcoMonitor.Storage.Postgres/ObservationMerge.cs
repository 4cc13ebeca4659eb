using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Appends a batch of observations set-wise. Live data (no key repeats in the batch, every key new): one binary COPY
/// straight into <c>observation</c> under a savepoint, then one statement that moves each series' row in
/// <c>observation_latest</c> forward from the batch's newest row per series (sent as arrays). Otherwise — a key
/// repeats, or the COPY met an existing key and was rolled back — binary COPY into a per-connection temporary staging
/// table, one statement that inserts the new keys (ON CONFLICT DO NOTHING) and returns their positions, then — only
/// when some keys existed — one that copies the changed ones to history and revises them, last one upsert of
/// <c>observation_latest</c> from the stored rows. A key another node inserted meanwhile simply counts as existing.
/// Keys that occur more than once in a batch are merged in rounds (the n-th occurrence in round n) so that the
/// outcome matches applying them one by one. docs/adr/0010-postgresql-store.md explains the choice.
/// </summary>
internal static class ObservationMerge
{
    private const string CreateStage = """
        CREATE TEMP TABLE IF NOT EXISTS ingest_stage (
            ord          integer     NOT NULL,
            round        integer     NOT NULL,
            series_id    bigint      NOT NULL,
            period_start timestamptz NOT NULL,
            value        numeric,
            min          numeric,
            max          numeric,
            total        numeric,
            converted    numeric,
            flag         text        NOT NULL,
            source       smallint    NOT NULL,
            received_at  timestamptz NOT NULL
        ) ON COMMIT DELETE ROWS;
        """;

    private const string CopyStage =
        "COPY ingest_stage (ord, round, series_id, period_start, value, min, max, total, converted, flag, source, received_at) FROM STDIN (FORMAT BINARY)";

    private const string Same = """
        o.value IS NOT DISTINCT FROM s.value AND o.min IS NOT DISTINCT FROM s.min AND o.max IS NOT DISTINCT FROM s.max
        AND o.total IS NOT DISTINCT FROM s.total AND o.converted IS NOT DISTINCT FROM s.converted AND o.flag = s.flag
        """;

    // Step 1 of a round: insert every key of the round that is new; returns the batch positions inserted. The
    // common case (live data: all keys new) ends here, with one index probe per row.
    private const string InsertRound = """
        WITH inserted AS (
            INSERT INTO observation
                (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at)
            SELECT s.series_id, s.period_start, 1, s.value, s.min, s.max, s.total, s.converted, s.flag, s.source, s.received_at
            FROM ingest_stage s
            WHERE s.round = $1
            ORDER BY s.series_id, s.period_start
            ON CONFLICT (series_id, period_start) DO NOTHING
            RETURNING series_id, period_start
        )
        SELECT s.ord FROM ingest_stage s JOIN inserted i ON i.series_id = s.series_id AND i.period_start = s.period_start
        WHERE s.round = $1;
        """;

    // Step 2, only for the rows whose key existed (positions $1): a changed payload moves the stored revision to
    // history and becomes the current one; returns the positions revised (the others are unchanged resends).
    private const string ReviseExisting = $"""
        WITH stage AS (
            SELECT * FROM ingest_stage WHERE ord = ANY($1)
        ), hist AS (
            INSERT INTO observation_history
                (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at)
            SELECT o.series_id, o.period_start, o.revision, o.value, o.min, o.max, o.total, o.converted, o.flag, o.source, o.received_at
            FROM stage s JOIN observation o ON o.series_id = s.series_id AND o.period_start = s.period_start
            WHERE NOT ({Same})
        ), revised AS (
            UPDATE observation o SET
                revision = o.revision + 1, value = s.value, min = s.min, max = s.max, total = s.total,
                converted = s.converted, flag = s.flag, source = s.source, received_at = s.received_at
            FROM stage s
            WHERE o.series_id = s.series_id AND o.period_start = s.period_start AND NOT ({Same})
            RETURNING s.ord
        )
        SELECT ord FROM revised;
        """;

    // The common case of live data, tried first when no key repeats in the batch: every key is new, so the rows go
    // straight into the table (no staging, no conflict handling); a key that exists makes the COPY fail with a unique
    // violation, and the batch is merged instead (the savepoint undoes the attempt).
    private const string CopyNew =
        "COPY observation (series_id, period_start, value, min, max, total, converted, flag, source, received_at, revision) FROM STDIN (FORMAT BINARY)";

    private const string LatestColumns =
        "series_id, station_id, parameter, interval, period_start, revision, value, min, max, total, converted, flag, source, received_at";

    // Moves a series' latest row forward only (also against another node's concurrent batch): to a later period, or
    // to a later revision of the same period.
    private const string LatestConflict = """
        ON CONFLICT (series_id) DO UPDATE SET
            period_start = excluded.period_start, revision = excluded.revision, value = excluded.value, min = excluded.min,
            max = excluded.max, total = excluded.total, converted = excluded.converted, flag = excluded.flag,
            source = excluded.source, received_at = excluded.received_at
        WHERE observation_latest.period_start < excluded.period_start
           OR (observation_latest.period_start = excluded.period_start AND observation_latest.revision < excluded.revision);
        """;

    // After CopyNew: each series' newest row of the batch ($1…$10, one element per series) is revision 1 of a new key;
    // existing rows move forward by a plain update (no speculative insertion, no row-lock record: the cheap path of live
    // data) with one index probe per series — the join methods that would scan the whole table are switched off for
    // this statement (a hash join over every series' row cost twice as much with 70,000 series). Returns the series moved.
    private const string MoveLatestRows = """
        UPDATE observation_latest l SET
            period_start = u.period_start, revision = 1, value = u.value, min = u.min, max = u.max, total = u.total,
            converted = u.converted, flag = u.flag, source = u.source, received_at = u.received_at
        FROM unnest($1::bigint[], $2::timestamptz[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[],
                    $8::text[], $9::smallint[], $10::timestamptz[])
            AS u (series_id, period_start, value, min, max, total, converted, flag, source, received_at)
        WHERE l.series_id = u.series_id AND l.period_start < u.period_start
        RETURNING l.series_id;
        """;

    // The rest of them ($1…$13): a series without a row gets one (ON CONFLICT: another node may add it at the same
    // time); a series whose row is newer (back-filled data) stays as it is.
    private const string AddLatestRows = $"""
        INSERT INTO observation_latest ({LatestColumns})
        SELECT u.series_id, u.station_id, u.parameter, u.interval, u.period_start, 1,
               u.value, u.min, u.max, u.total, u.converted, u.flag, u.source, u.received_at
        FROM unnest($1::bigint[], $2::timestamptz[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[],
                    $8::text[], $9::smallint[], $10::timestamptz[], $11::text[], $12::text[], $13::text[])
            AS u (series_id, period_start, value, min, max, total, converted, flag, source, received_at, station_id, parameter, interval)
        {LatestConflict}
        """;

    /// <summary>
    /// The statement that brings <c>observation_latest</c> up to date for the series and newest periods that
    /// <paramref name="newest"/> yields (a query of <c>series_id, latest</c>), reading the stored current revision.
    /// </summary>
    public static string RefreshLatest(string newest) => $"""
        INSERT INTO observation_latest ({LatestColumns})
        SELECT o.series_id, se.station_id, se.parameter, se.interval, o.period_start, o.revision, o.value, o.min, o.max,
               o.total, o.converted, o.flag, o.source, o.received_at
        FROM ({newest}) m
        JOIN observation o ON o.series_id = m.series_id AND o.period_start = m.latest
        JOIN series se ON se.id = m.series_id
        {LatestConflict}
        """;

    private static readonly string MoveLatest = RefreshLatest("SELECT series_id, max(period_start) AS latest FROM ingest_stage GROUP BY series_id");

    /// <summary>
    /// Appends <paramref name="observations"/> in the open transaction; <paramref name="seriesIds"/> holds each one's
    /// series id (same order). Adds each outcome to <paramref name="outcomes"/> when given.
    /// </summary>
    public static async Task<AppendResult> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Observation> observations, long[] seriesIds,
        List<AppendOutcome>? outcomes, CancellationToken cancellationToken)
    {
        if (observations.Count == 0)
        {
            return default;
        }

        int[] rounds = Rounds(observations, seriesIds, out int roundCount);
        // 1 inserted, 2 unchanged, 3 revised; rounds run in order, so a later occurrence sees the earlier one.
        var codes = new byte[observations.Count];
        if (roundCount == 1 && await TryCopyAllNewAsync(connection, transaction, observations, seriesIds, cancellationToken))
        {
            Array.Fill(codes, (byte)1);
            await MoveLatestFromBatchAsync(connection, transaction, observations, seriesIds, cancellationToken);
        }
        else
        {
            await StageAsync(connection, transaction, observations, seriesIds, rounds, cancellationToken);
            await MergeRoundsAsync(connection, transaction, rounds, roundCount, codes, cancellationToken);
            await using var latest = new NpgsqlCommand(MoveLatest, connection, transaction);
            await latest.ExecuteNonQueryAsync(cancellationToken);
        }

        int inserted = 0;
        int unchanged = 0;
        int revised = 0;
        foreach (byte code in codes)
        {
            AppendOutcome outcome = code switch
            {
                1 => AppendOutcome.Inserted,
                2 => AppendOutcome.Unchanged,
                3 => AppendOutcome.Revised,
                _ => throw new InvalidOperationException("An observation of the batch got no outcome."),
            };
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

    /// <summary>Stores every row as a new key by one COPY; false (and nothing stored) when some key exists already.</summary>
    private static async Task<bool> TryCopyAllNewAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Observation> observations, long[] seriesIds,
        CancellationToken cancellationToken)
    {
        await transaction.SaveAsync("ingest_all_new", cancellationToken);
        try
        {
            await using NpgsqlBinaryImporter importer = await connection.BeginBinaryImportAsync(CopyNew, cancellationToken);
            for (int i = 0; i < observations.Count; i++)
            {
                await importer.StartRowAsync(cancellationToken);
                await WritePayloadAsync(importer, seriesIds[i], observations[i], cancellationToken);
                await importer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync("ingest_all_new", cancellationToken);
            return false;
        }

        await transaction.ReleaseAsync("ingest_all_new", cancellationToken);
        return true;
    }

    /// <summary>The batch into the staging table (emptied at commit), with each row's position and round.</summary>
    private static async Task StageAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Observation> observations, long[] seriesIds, int[] rounds,
        CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(CreateStage, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using NpgsqlBinaryImporter importer = await connection.BeginBinaryImportAsync(CopyStage, cancellationToken);
        for (int i = 0; i < observations.Count; i++)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(rounds[i], NpgsqlDbType.Integer, cancellationToken);
            await WritePayloadAsync(importer, seriesIds[i], observations[i], cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>The columns series_id, period_start, value, min, max, total, converted, flag, source, received_at of a row.</summary>
    private static async Task WritePayloadAsync(NpgsqlBinaryImporter importer, long seriesId, Observation o, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(seriesId, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(PostgresValues.ToColumn(o.PeriodStart), NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteDecimalAsync(importer, o.Value, cancellationToken);
        await WriteDecimalAsync(importer, o.Min, cancellationToken);
        await WriteDecimalAsync(importer, o.Max, cancellationToken);
        await WriteDecimalAsync(importer, o.Total, cancellationToken);
        await WriteDecimalAsync(importer, o.ConvertedValue, cancellationToken);
        await importer.WriteAsync(o.Flag.Value, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(StoreCodes.ToCode(o.Source), NpgsqlDbType.Smallint, cancellationToken);
        await importer.WriteAsync(PostgresValues.ToColumn(o.ReceivedAt), NpgsqlDbType.TimestampTz, cancellationToken);
    }

    /// <summary>Moves <c>observation_latest</c> to each series' newest row of a batch stored whole as new keys.</summary>
    private static async Task MoveLatestFromBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Observation> observations, long[] seriesIds,
        CancellationToken cancellationToken)
    {
        var newest = new Dictionary<long, int>();
        for (int i = 0; i < observations.Count; i++)
        {
            if (!newest.TryGetValue(seriesIds[i], out int at) || observations[at].PeriodStart < observations[i].PeriodStart)
            {
                newest[seriesIds[i]] = i;
            }
        }

        var moved = new HashSet<long>(newest.Count);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_hashjoin = off"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_mergejoin = off"));
            var update = new NpgsqlBatchCommand(MoveLatestRows);
            AddLatestPayload(update.Parameters, [.. newest.Keys], [.. newest.Values.Select(i => observations[i])]);
            batch.BatchCommands.Add(update);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("RESET enable_hashjoin"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("RESET enable_mergejoin"));
            await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                moved.Add(reader.GetInt64(0));
            }
        }

        if (moved.Count == newest.Count)
        {
            return;
        }

        long[] rest = [.. newest.Keys.Where(id => !moved.Contains(id))];
        Observation[] rows = [.. rest.Select(id => observations[newest[id]])];
        await using var add = new NpgsqlCommand(AddLatestRows, connection, transaction);
        AddLatestPayload(add.Parameters, rest, rows);
        add.Parameters.Add(PostgresValues.TextArray([.. rows.Select(o => o.Station.Value)]));
        add.Parameters.Add(PostgresValues.TextArray([.. rows.Select(o => o.Parameter.Value)]));
        add.Parameters.Add(PostgresValues.TextArray([.. rows.Select(o => StoreCodes.ToCode(o.Interval))]));
        await add.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Parameters $1…$10 of the latest-row statements: series id, period start, the payload, received at.</summary>
    private static void AddLatestPayload(NpgsqlParameterCollection parameters, long[] seriesIds, Observation[] rows)
    {
        parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = seriesIds });
        parameters.Add(PostgresValues.TimestampArray([.. rows.Select(o => PostgresValues.ToColumn(o.PeriodStart))]));
        parameters.Add(PostgresValues.NumericArray([.. rows.Select(o => o.Value)]));
        parameters.Add(PostgresValues.NumericArray([.. rows.Select(o => o.Min)]));
        parameters.Add(PostgresValues.NumericArray([.. rows.Select(o => o.Max)]));
        parameters.Add(PostgresValues.NumericArray([.. rows.Select(o => o.Total)]));
        parameters.Add(PostgresValues.NumericArray([.. rows.Select(o => o.ConvertedValue)]));
        parameters.Add(PostgresValues.TextArray([.. rows.Select(o => o.Flag.Value)]));
        parameters.Add(new NpgsqlParameter<short[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint, TypedValue = [.. rows.Select(o => StoreCodes.ToCode(o.Source))] });
        parameters.Add(PostgresValues.TimestampArray([.. rows.Select(o => PostgresValues.ToColumn(o.ReceivedAt))]));
    }

    /// <summary>The merge of the staged rows round by round, writing each row's outcome code into <paramref name="codes"/>.</summary>
    private static async Task MergeRoundsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int[] rounds, int roundCount, byte[] codes, CancellationToken cancellationToken)
    {
        for (int r = 0; r < roundCount; r++)
        {
            var existing = new List<int>();
            await using (var insert = new NpgsqlCommand(InsertRound, connection, transaction))
            {
                insert.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = r });
                await using NpgsqlDataReader reader = await insert.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    codes[reader.GetInt32(0)] = 1;
                }
            }

            for (int i = 0; i < codes.Length; i++)
            {
                if (rounds[i] == r && codes[i] == 0)
                {
                    existing.Add(i);
                    codes[i] = 2;
                }
            }

            if (existing.Count == 0)
            {
                continue;
            }

            await using var revise = new NpgsqlCommand(ReviseExisting, connection, transaction);
            revise.Parameters.Add(new NpgsqlParameter<int[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, TypedValue = [.. existing] });
            await using NpgsqlDataReader revisions = await revise.ExecuteReaderAsync(cancellationToken);
            while (await revisions.ReadAsync(cancellationToken))
            {
                codes[revisions.GetInt32(0)] = 3;
            }
        }
    }

    /// <summary>The round of each observation: 0 for a key's first occurrence in the batch, 1 for its second, ….</summary>
    private static int[] Rounds(IReadOnlyList<Observation> observations, long[] seriesIds, out int roundCount)
    {
        var rounds = new int[observations.Count];
        var seen = new Dictionary<(long, NodaTime.Instant), int>(observations.Count);
        roundCount = observations.Count == 0 ? 0 : 1;
        for (int i = 0; i < observations.Count; i++)
        {
            var key = (seriesIds[i], observations[i].PeriodStart);
            seen.TryGetValue(key, out int count);
            rounds[i] = count;
            seen[key] = count + 1;
            roundCount = Math.Max(roundCount, count + 1);
        }

        return rounds;
    }

    private static Task WriteDecimalAsync(NpgsqlBinaryImporter importer, decimal? value, CancellationToken cancellationToken) =>
        value is { } d ? importer.WriteAsync(d, NpgsqlDbType.Numeric, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
