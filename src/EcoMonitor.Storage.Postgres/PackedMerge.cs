using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Writes observations into the packed rows of <c>observation</c> (one row per stream and period, the values as
/// <see cref="PackedValues"/> text). Live data (every period new, no parameter twice in a period): one binary COPY of
/// the rows under a savepoint. Otherwise — or when the COPY met a row that exists — the rows of the batch's periods are
/// read and locked (<c>FOR UPDATE</c>, in key order), merged here value by value in batch order (a new parameter is
/// inserted, an equal payload is an unchanged resend, a different one is a new revision whose predecessor goes to
/// <c>observation_history</c>), then new rows are inserted (a row another node inserted meanwhile is merged again in the
/// next pass) and changed rows updated. <see cref="PackedLatest"/> then moves each stream's latest values.
/// docs/adr/0026-packed-observation-rows.md explains the layout.
/// </summary>
internal static class PackedMerge
{
    private const string CopyNew = "COPY observation (stream_id, period_start, data) FROM STDIN (FORMAT BINARY)";

    // Join methods that would scan every partition are switched off for the transaction: the keys are few and each is
    // one index probe in the partition the key's period falls in.
    private const string ProbeOnly = "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off;";

    private const string LockRows = """
        SELECT o.stream_id, o.period_start, o.data
        FROM unnest($1::integer[], $2::timestamptz[]) AS k (stream_id, period_start)
        JOIN observation o ON o.stream_id = k.stream_id AND o.period_start = k.period_start
        ORDER BY o.stream_id, o.period_start
        FOR UPDATE OF o;
        """;

    private const string InsertRows = """
        INSERT INTO observation (stream_id, period_start, data)
        SELECT * FROM unnest($1::integer[], $2::timestamptz[], $3::text[])
        ON CONFLICT (stream_id, period_start) DO NOTHING
        RETURNING stream_id, period_start;
        """;

    private const string UpdateRows = """
        UPDATE observation o SET data = u.data
        FROM unnest($1::integer[], $2::timestamptz[], $3::text[]) AS u (stream_id, period_start, data)
        WHERE o.stream_id = u.stream_id AND o.period_start = u.period_start;
        """;

    private const string CopyHistory =
        "COPY observation_history (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at) FROM STDIN (FORMAT BINARY)";

    private const int MaxPasses = 5;

    private const byte Inserted = 1;
    private const byte Unchanged = 2;
    private const byte Revised = 3;

    /// <summary>
    /// Appends <paramref name="observations"/> (each of stream <paramref name="streamIds"/>[i]) in the open transaction;
    /// <paramref name="seriesIdsOf"/> gives the series ids of revised values (for their history rows). Adds each outcome
    /// to <paramref name="outcomes"/> when given.
    /// </summary>
    public static async Task<AppendResult> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Observation> observations, int[] streamIds,
        Func<IReadOnlyList<Observation>, Task<long[]>> seriesIdsOf, List<AppendOutcome>? outcomes, CancellationToken cancellationToken)
    {
        if (observations.Count == 0)
        {
            return default;
        }

        var values = new StoredValue[observations.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = new StoredValue(observations[i], 0);
        }

        List<Period> periods = Group(values, streamIds, out bool repeats);
        var codes = new byte[values.Length];
        LatestCandidates latest;
        if (!repeats && await TryCopyAllNewAsync(connection, transaction, periods, values, cancellationToken))
        {
            Array.Fill(codes, Inserted);
            latest = new LatestCandidates();
            foreach (Period period in periods)
            {
                latest.AddRow(period.Stream, period.Start, period.Entries!);
            }
        }
        else
        {
            var history = new List<(Observation Revised, StoredValue Old)>();
            latest = await MergeAsync(connection, transaction, periods, values, import: false, codes, history, cancellationToken);
            await CopyHistoryAsync(connection, history, await seriesIdsOf([.. history.Select(h => h.Revised)]), cancellationToken);
        }

        await PackedLatest.MoveAsync(connection, transaction, latest, cancellationToken);
        return Tally(codes, outcomes);
    }

    /// <summary>
    /// Stores <paramref name="values"/> with the revision numbers they carry (<c>ecomon migrate</c>): a value whose
    /// parameter and period exist already is left as it is.
    /// </summary>
    public static async Task ImportAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, StoredValue[] values, int[] streamIds, CancellationToken cancellationToken)
    {
        if (values.Length == 0)
        {
            return;
        }

        List<Period> periods = Group(values, streamIds, out _);
        var codes = new byte[values.Length];
        LatestCandidates latest = await MergeAsync(connection, transaction, periods, values, import: true, codes, [], cancellationToken);
        await PackedLatest.MoveAsync(connection, transaction, latest, cancellationToken);
    }

    /// <summary>
    /// The values grouped by stream and period (periods in order of first appearance), each group's values in parameter
    /// order — or, when a parameter repeats within a period (<paramref name="repeats"/>), in batch order.
    /// </summary>
    private static List<Period> Group(StoredValue[] values, int[] streamIds, out bool repeats)
    {
        var byKey = new Dictionary<(int, Instant), Period>();
        var periods = new List<Period>();
        for (int i = 0; i < values.Length; i++)
        {
            var key = (streamIds[i], values[i].Observation.PeriodStart);
            if (!byKey.TryGetValue(key, out Period? period))
            {
                period = new Period(streamIds[i], values[i].Observation.PeriodStart);
                byKey.Add(key, period);
                periods.Add(period);
            }

            period.Items.Add(i);
        }

        repeats = false;
        foreach (Period period in periods)
        {
            // Sorted by parameter: the order of the stored entries, and repeats end up side by side.
            period.Items.Sort((a, b) => string.CompareOrdinal(values[a].Observation.Parameter.Value, values[b].Observation.Parameter.Value));
            for (int k = 1; k < period.Items.Count && !repeats; k++)
            {
                repeats = values[period.Items[k]].Observation.Parameter == values[period.Items[k - 1]].Observation.Parameter;
            }
        }

        if (repeats)
        {
            // Back to batch order within each period: a repeated value is applied after the ones before it.
            foreach (Period period in periods)
            {
                period.Items.Sort();
            }
        }

        return periods;
    }

    /// <summary>Stores every period as a new row by one COPY; false (and nothing stored) when some row exists already.</summary>
    private static async Task<bool> TryCopyAllNewAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<Period> periods, StoredValue[] values, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync("ingest_all_new", cancellationToken);
        try
        {
            await using NpgsqlBinaryImporter importer = await connection.BeginBinaryImportAsync(CopyNew, cancellationToken);
            foreach (Period period in periods)
            {
                var entries = new List<StoredValue>(period.Items.Count);
                foreach (int i in period.Items)
                {
                    entries.Add(values[i] with { Revision = 1 });
                }

                period.Entries = entries;
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(period.Stream, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(PostgresValues.ToColumn(period.Start), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(PackedValues.Encode(entries, period.Start), NpgsqlDbType.Text, cancellationToken);
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

    /// <summary>
    /// The general path: locks and reads the periods' rows, merges the values into them, inserts the new rows and
    /// updates the changed ones, again for rows another node inserted meanwhile. Writes each value's outcome code into
    /// <paramref name="codes"/> and each revised value with its predecessor into <paramref name="history"/>; returns the
    /// values that may move each stream's latest ones.
    /// </summary>
    private static async Task<LatestCandidates> MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<Period> periods, StoredValue[] values, bool import,
        byte[] codes, List<(Observation Revised, StoredValue Old)> history, CancellationToken cancellationToken)
    {
        await using (var probeOnly = new NpgsqlCommand(ProbeOnly, connection, transaction))
        {
            await probeOnly.ExecuteNonQueryAsync(cancellationToken);
        }

        var latest = new LatestCandidates();
        List<Period> pending = periods;
        for (int pass = 0; pending.Count > 0; pass++)
        {
            if (pass == MaxPasses)
            {
                throw new InvalidOperationException($"Rows of {pending.Count} periods kept appearing while they were merged; the batch is given up.");
            }

            Dictionary<(int, Instant), string> stored = await LockAsync(connection, transaction, pending, cancellationToken);
            var inserts = new List<Period>();
            var updates = new List<Period>();
            foreach (Period period in pending)
            {
                bool exists = stored.TryGetValue((period.Stream, period.Start), out string? text);
                var entries = new List<StoredValue>();
                if (exists)
                {
                    PackedValues.Decode(text!, new StreamKey(values[period.Items[0]].Observation.Station, values[period.Items[0]].Observation.Interval), period.Start, entries, []);
                }

                period.History.Clear();
                period.Entries = null;
                period.Inserting = false;
                if (Merge(period, entries, values, import, codes))
                {
                    entries.Sort(static (a, b) => string.CompareOrdinal(a.Observation.Parameter.Value, b.Observation.Parameter.Value));
                    period.Entries = entries;
                    period.Inserting = !exists;
                    (exists ? updates : inserts).Add(period);
                }
            }

            HashSet<(int, Instant)> inserted = await InsertAsync(connection, transaction, inserts, cancellationToken);
            await UpdateAsync(connection, transaction, updates, cancellationToken);
            var again = new List<Period>();
            foreach (Period period in pending)
            {
                if (period.Inserting && !inserted.Contains((period.Stream, period.Start)))
                {
                    again.Add(period);
                    continue;
                }

                history.AddRange(period.History);
                if (period.Entries is not null)
                {
                    // Only values that were inserted or revised can move the latest ones.
                    foreach (StoredValue entry in period.Entries)
                    {
                        if (period.Items.Any(i => codes[i] != Unchanged && values[i].Observation.Parameter == entry.Observation.Parameter))
                        {
                            latest.Add(period.Stream, entry);
                        }
                    }
                }
            }

            pending = again;
        }

        return latest;
    }

    /// <summary>Applies a period's values to its stored entries in order; true when anything changed.</summary>
    private static bool Merge(Period period, List<StoredValue> entries, StoredValue[] values, bool import, byte[] codes)
    {
        bool changed = false;
        foreach (int i in period.Items)
        {
            Observation o = values[i].Observation;
            int at = entries.FindIndex(e => e.Observation.Parameter == o.Parameter);
            if (at < 0)
            {
                entries.Add(import ? values[i] : new StoredValue(o, 1));
                codes[i] = Inserted;
                changed = true;
            }
            else if (import || entries[at].Observation.HasSamePayload(o))
            {
                codes[i] = Unchanged;
            }
            else
            {
                period.History.Add((o, entries[at]));
                entries[at] = new StoredValue(o, entries[at].Revision + 1);
                codes[i] = Revised;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The stored text of the periods' rows that exist, locked for this transaction.</summary>
    private static async Task<Dictionary<(int, Instant), string>> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<Period> periods, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LockRows, connection, transaction);
        AddKeys(command.Parameters, periods);
        var stored = new Dictionary<(int, Instant), string>(periods.Count);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[(reader.GetInt32(0), PostgresValues.ToInstant(reader.GetDateTime(1)))] = reader.GetString(2);
        }

        return stored;
    }

    private static async Task<HashSet<(int, Instant)>> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<Period> periods, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<(int, Instant)>(periods.Count);
        if (periods.Count == 0)
        {
            return inserted;
        }

        await using var command = new NpgsqlCommand(InsertRows, connection, transaction);
        AddKeys(command.Parameters, periods);
        command.Parameters.Add(PostgresValues.TextArray([.. periods.Select(p => PackedValues.Encode(p.Entries!, p.Start))]));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add((reader.GetInt32(0), PostgresValues.ToInstant(reader.GetDateTime(1))));
        }

        return inserted;
    }

    private static async Task UpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<Period> periods, CancellationToken cancellationToken)
    {
        if (periods.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(UpdateRows, connection, transaction);
        AddKeys(command.Parameters, periods);
        command.Parameters.Add(PostgresValues.TextArray([.. periods.Select(p => PackedValues.Encode(p.Entries!, p.Start))]));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Parameters $1 (stream ids) and $2 (period starts) of the periods.</summary>
    private static void AddKeys(NpgsqlParameterCollection parameters, List<Period> periods)
    {
        parameters.Add(PostgresValues.IntegerArray([.. periods.Select(p => p.Stream)]));
        parameters.Add(PostgresValues.TimestampArray([.. periods.Select(p => PostgresValues.ToColumn(p.Start))]));
    }

    /// <summary>The revisions replaced, each as a row of <c>observation_history</c> (series ids in the same order).</summary>
    private static async Task CopyHistoryAsync(
        NpgsqlConnection connection, List<(Observation Revised, StoredValue Old)> history, long[] seriesIds, CancellationToken cancellationToken)
    {
        if (history.Count == 0)
        {
            return;
        }

        await using NpgsqlBinaryImporter importer = await connection.BeginBinaryImportAsync(CopyHistory, cancellationToken);
        for (int i = 0; i < history.Count; i++)
        {
            Observation old = history[i].Old.Observation;
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(seriesIds[i], NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(PostgresValues.ToColumn(old.PeriodStart), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(history[i].Old.Revision, NpgsqlDbType.Integer, cancellationToken);
            await WriteDecimalAsync(importer, old.Value, cancellationToken);
            await WriteDecimalAsync(importer, old.Min, cancellationToken);
            await WriteDecimalAsync(importer, old.Max, cancellationToken);
            await WriteDecimalAsync(importer, old.Total, cancellationToken);
            await WriteDecimalAsync(importer, old.ConvertedValue, cancellationToken);
            await importer.WriteAsync(old.Flag.Value, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(StoreCodes.ToCode(old.Source), NpgsqlDbType.Smallint, cancellationToken);
            await importer.WriteAsync(PostgresValues.ToColumn(old.ReceivedAt), NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteDecimalAsync(NpgsqlBinaryImporter importer, decimal? value, CancellationToken cancellationToken) =>
        value is { } d ? importer.WriteAsync(d, NpgsqlDbType.Numeric, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static AppendResult Tally(byte[] codes, List<AppendOutcome>? outcomes)
    {
        int inserted = 0;
        int unchanged = 0;
        int revised = 0;
        foreach (byte code in codes)
        {
            AppendOutcome outcome = code switch
            {
                Inserted => AppendOutcome.Inserted,
                Unchanged => AppendOutcome.Unchanged,
                Revised => AppendOutcome.Revised,
                _ => throw new InvalidOperationException("An observation of the batch got no outcome."),
            };
            outcomes?.Add(outcome);
            switch (outcome)
            {
                case AppendOutcome.Inserted: inserted++; break;
                case AppendOutcome.Unchanged: unchanged++; break;
                default: revised++; break;
            }
        }

        return new AppendResult(inserted, unchanged, revised);
    }

    /// <summary>The values of a batch that fall into one stream's period (positions in the batch).</summary>
    private sealed class Period(int stream, Instant start)
    {
        public int Stream { get; } = stream;

        public Instant Start { get; } = start;

        public List<int> Items { get; } = [];

        /// <summary>The row's entries after the merge (sorted by parameter); null when nothing changed.</summary>
        public List<StoredValue>? Entries { get; set; }

        /// <summary>True while the period's row is new and waits for its insert.</summary>
        public bool Inserting { get; set; }

        /// <summary>The revisions this period's merge replaced.</summary>
        public List<(Observation Revised, StoredValue Old)> History { get; } = [];
    }
}
