using EcoMonitor.Domain;
using Npgsql;
using NodaTime;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Keeps <c>observation_latest</c>: one row per stream with the current revision of each parameter's newest period
/// (<see cref="PackedValues"/> text relative to the row's <c>newest</c> period, the parameters also as an array). Live
/// data replaces a row whole by one plain update (HOT: no indexed column changes) when the new values cover all of its
/// parameters and are all newer than its newest; the rest — a parameter missing from the frame, back-filled or revised
/// values, a stream without a row — is merged here from the row read and locked. Values move forward only: to a later
/// period, or to a later revision of the same period.
/// </summary>
internal static class PackedLatest
{
    // A whole new row (data NULL) is taken from observation as just inserted: its text is the latest row's.
    private const string ReplaceWhole = """
        UPDATE observation_latest l SET newest = u.newest, parameters = string_to_array(u.parameters, ','),
            data = coalesce(u.data, (SELECT o.data FROM observation o WHERE o.stream_id = u.stream_id AND o.period_start = u.newest))
        FROM unnest($1::integer[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::text[])
            AS u (stream_id, oldest, newest, parameters, data)
        WHERE l.stream_id = u.stream_id AND l.newest < u.oldest AND l.parameters <@ string_to_array(u.parameters, ',')
        RETURNING l.stream_id;
        """;

    private const string AddMissing = """
        INSERT INTO observation_latest (stream_id, station_id, newest, parameters, data)
        SELECT u.stream_id, u.station_id, '-infinity', '{}', '' FROM unnest($1::integer[], $2::text[]) AS u (stream_id, station_id)
        ON CONFLICT (stream_id) DO NOTHING;
        """;

    private const string LockRows = """
        SELECT stream_id, newest, data FROM observation_latest WHERE stream_id = ANY($1) ORDER BY stream_id FOR UPDATE;
        """;

    private const string Rewrite = """
        UPDATE observation_latest l SET newest = u.newest, parameters = string_to_array(u.parameters, ','), data = u.data
        FROM unnest($1::integer[], $2::timestamptz[], $3::text[], $4::text[]) AS u (stream_id, newest, parameters, data)
        WHERE l.stream_id = u.stream_id;
        """;

    /// <summary>Moves the latest values of each stream in <paramref name="candidates"/> forward to the values given for it.</summary>
    public static async Task MoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, LatestCandidates candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        var streams = new int[candidates.Count];
        var rows = new List<StoredValue>[candidates.Count];
        var oldest = new DateTime[candidates.Count];
        var newest = new DateTime[candidates.Count];
        var parameters = new string[candidates.Count];
        var texts = new string[candidates.Count];
        int n = 0;
        foreach ((int stream, LatestCandidates.Stream c) in candidates.All)
        {
            streams[n] = stream;
            if (c.WholeRowPeriod is { } period)
            {
                // One new row: its values are all of one period, one per parameter, in order — the latest row as it is.
                rows[n] = c.Values;
                oldest[n] = newest[n] = PostgresValues.ToColumn(period);
                texts[n] = null!;
            }
            else
            {
                List<StoredValue> row = rows[n] = Newest(c.Values);
                Instant last = NewestOf(row);
                oldest[n] = PostgresValues.ToColumn(row.Min(v => v.Observation.PeriodStart));
                newest[n] = PostgresValues.ToColumn(last);
                texts[n] = PackedValues.Encode(row, last);
            }

            parameters[n] = Parameters(rows[n]);
            n++;
        }

        var moved = new HashSet<int>(streams.Length);
        await using (var replace = new NpgsqlCommand(ReplaceWhole, connection, transaction))
        {
            replace.Parameters.Add(PostgresValues.IntegerArray([.. streams]));
            replace.Parameters.Add(PostgresValues.TimestampArray(oldest));
            replace.Parameters.Add(PostgresValues.TimestampArray(newest));
            replace.Parameters.Add(PostgresValues.TextArray(parameters));
            replace.Parameters.Add(PostgresValues.TextArray(texts));
            await using NpgsqlDataReader reader = await replace.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                moved.Add(reader.GetInt32(0));
            }
        }

        if (moved.Count < streams.Length)
        {
            var rest = new Dictionary<int, List<StoredValue>>();
            for (int i = 0; i < streams.Length; i++)
            {
                if (!moved.Contains(streams[i]))
                {
                    rest.Add(streams[i], rows[i]);
                }
            }

            await MergeAsync(connection, transaction, rest, cancellationToken);
        }
    }

    /// <summary>The streams whose row could not simply be replaced: read and locked, merged value by value, written back.</summary>
    private static async Task MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Dictionary<int, List<StoredValue>> rest, CancellationToken cancellationToken)
    {
        int[] streams = [.. rest.Keys.Order()];
        await using (var add = new NpgsqlCommand(AddMissing, connection, transaction))
        {
            add.Parameters.Add(PostgresValues.IntegerArray([.. streams]));
            add.Parameters.Add(PostgresValues.TextArray([.. streams.Select(s => rest[s][0].Observation.Station.Value)]));
            await add.ExecuteNonQueryAsync(cancellationToken);
        }

        var mergedBy = new Dictionary<int, List<StoredValue>>(streams.Length);
        await using (var lockRows = new NpgsqlCommand(LockRows, connection, transaction))
        {
            lockRows.Parameters.Add(PostgresValues.IntegerArray([.. streams]));
            await using NpgsqlDataReader reader = await lockRows.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                List<StoredValue> candidates = rest[reader.GetInt32(0)];
                var stored = new List<StoredValue>();
                string data = reader.GetString(2);
                if (data.Length > 0)
                {
                    Observation first = candidates[0].Observation;
                    PackedValues.Decode(data, new StreamKey(first.Station, first.Interval), PostgresValues.ToInstant(reader.GetDateTime(1)), stored, []);
                }

                stored.AddRange(candidates);
                mergedBy[reader.GetInt32(0)] = Newest(stored);
            }
        }

        List<StoredValue>[] merged = [.. streams.Select(s => mergedBy[s])];

        await using var rewrite = new NpgsqlCommand(Rewrite, connection, transaction);
        rewrite.Parameters.Add(PostgresValues.IntegerArray([.. streams]));
        rewrite.Parameters.Add(PostgresValues.TimestampArray([.. merged.Select(r => PostgresValues.ToColumn(NewestOf(r)))]));
        rewrite.Parameters.Add(PostgresValues.TextArray([.. merged.Select(Parameters)]));
        rewrite.Parameters.Add(PostgresValues.TextArray([.. merged.Select(r => PackedValues.Encode(r, NewestOf(r)))]));
        await rewrite.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>For each parameter the value of the latest period, of that the latest revision; sorted by parameter.</summary>
    private static List<StoredValue> Newest(List<StoredValue> values)
    {
        var best = new Dictionary<string, StoredValue>(values.Count, StringComparer.Ordinal);
        foreach (StoredValue value in values)
        {
            string parameter = value.Observation.Parameter.Value;
            if (!best.TryGetValue(parameter, out StoredValue current) || IsNewer(value, current))
            {
                best[parameter] = value;
            }
        }

        List<StoredValue> newest = [.. best.Values];
        newest.Sort(static (a, b) => string.CompareOrdinal(a.Observation.Parameter.Value, b.Observation.Parameter.Value));
        return newest;
    }

    private static bool IsNewer(StoredValue value, StoredValue than) =>
        value.Observation.PeriodStart > than.Observation.PeriodStart
        || (value.Observation.PeriodStart == than.Observation.PeriodStart && value.Revision > than.Revision);

    private static Instant NewestOf(List<StoredValue> row) => row.Max(v => v.Observation.PeriodStart);

    private static string Parameters(List<StoredValue> row)
    {
        var codes = new string[row.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = row[i].Observation.Parameter.Value;
        }

        return string.Join(',', codes);
    }
}
