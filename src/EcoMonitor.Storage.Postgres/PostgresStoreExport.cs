using System.Globalization;
using EcoMonitor.Application.Storage.Transfer;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IStoreExport"/> on PostgreSQL: tables in key-ordered pages in the neutral layout of <see cref="TransferTables"/>
/// (ADR 0013). Its column types and row count serve <see cref="PostgresStoreImport"/> too.
/// </summary>
internal sealed class PostgresStoreExport(PostgresDatabase db) : IStoreExport
{
    // The cursor is the last row's key columns joined by a unit separator (no key column can hold one).
    private const char CursorSeparator = '\u001f';

    // Current values (the view unpacks the rows) and history rows (with their series' key) in the same columns.
    private const string ObservationExport =
        "o.station_id, o.parameter, o.interval, o.period_start, o.revision, o.value, o.min, o.max, o.total, o.converted, o.flag, o.source, o.received_at";

    /// <inheritdoc cref="IStoreExport.CountAsync" />
    public Task<long> CountAsync(string table, CancellationToken cancellationToken) => CountRowsAsync(db, table, cancellationToken);

    /// <summary>The rows of a transfer table (also <see cref="IStoreImport.CountAsync"/>): the view unpacks the observations.</summary>
    internal static async Task<long> CountRowsAsync(PostgresDatabase db, string table, CancellationToken cancellationToken)
    {
        _ = TransferTables.Of(table);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        string source = table == TransferTables.Observations ? "observation_value" : table;
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {source};", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<TransferChunk> ReadAsync(string table, string? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        TransferTable spec = TransferTables.Of(table);
        (string select, string from, string[] key) = ExportSource(spec);
        TransferValueKind[] keyKinds = [.. key.Select(k => KeyKind(spec, k))];
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        string after = "";
        if (cursor is not null)
        {
            string[] parts = cursor.Split(CursorSeparator);
            if (parts.Length != key.Length)
            {
                throw new ArgumentException($"The cursor does not belong to table {table}.", nameof(cursor));
            }

            after = $"WHERE ({string.Join(", ", key)}) > ({string.Join(", ", key.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
            if (spec.Name == TransferTables.Observations)
            {
                // The parameter is unpacked: the packed rows' own key starts the index range.
                after += " AND (o.stream_id, o.period_start) >= ($1, $2)";
            }

            for (int i = 0; i < parts.Length; i++)
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = DbTypeOf(keyKinds[i]), Value = ParseCursorPart(parts[i], keyKinds[i]) });
            }
        }

        command.CommandText = $"SELECT {select}, {string.Join(", ", key)} FROM {from} {after} ORDER BY {string.Join(", ", key)} LIMIT {limit.ToString(CultureInfo.InvariantCulture)};";
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        string? last = cursor;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[spec.Columns.Count];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : ReadTransferValue(reader, i, spec.Columns[i].Kind);
            }

            rows.Add(row);
            int keyStart = reader.FieldCount - key.Length;
            last = string.Join(CursorSeparator, key.Select((_, k) => FormatCursorPart(ReadTransferValue(reader, keyStart + k, keyKinds[k]))));
        }

        return new TransferChunk(rows, last);
    }

    /// <summary>Where a table's neutral rows come from in this schema, and the key its pages follow.</summary>
    private static (string Select, string From, string[] Key) ExportSource(TransferTable spec) => spec.Name switch
    {
        // One row per value from the packed rows (the view unpacks them), in stream, period and parameter order.
        TransferTables.Observations => (ObservationExport, "observation_value o", ["o.stream_id", "o.period_start", "o.parameter"]),
        TransferTables.History => (ObservationExport,
            "(SELECT s.station_id, s.parameter, s.interval, h.* FROM observation_history h JOIN series s ON s.id = h.series_id) o",
            ["o.series_id", "o.period_start", "o.revision"]),
        TransferTables.Frames => (spec.ColumnList, spec.Name, ["id"]),
        _ => (spec.ColumnList, spec.Name, [.. spec.Key]),
    };

    /// <summary>The kind of a key column: the layout's, or a bigint id (series id, frame id) outside the layout.</summary>
    private static TransferValueKind KeyKind(TransferTable spec, string key)
    {
        string name = key.StartsWith("o.", StringComparison.Ordinal) ? key[2..] : key;
        return spec.Columns.FirstOrDefault(c => c.Name == name)?.Kind ?? TransferValueKind.Whole64;
    }

    private static string FormatCursorPart(object value) => value switch
    {
        DateTime t => t.Ticks.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.DayNumber.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static object ParseCursorPart(string part, TransferValueKind kind) => kind switch
    {
        TransferValueKind.Text => part,
        TransferValueKind.Instant => new DateTime(long.Parse(part, CultureInfo.InvariantCulture), DateTimeKind.Utc),
        TransferValueKind.Day => DateOnly.FromDayNumber(int.Parse(part, CultureInfo.InvariantCulture)),
        TransferValueKind.Whole16 => short.Parse(part, CultureInfo.InvariantCulture),
        TransferValueKind.Whole32 => int.Parse(part, CultureInfo.InvariantCulture),
        _ => long.Parse(part, CultureInfo.InvariantCulture),
    };

    /// <summary>A column in its neutral value (<see cref="TransferValueKind"/>).</summary>
    private static object ReadTransferValue(NpgsqlDataReader r, int i, TransferValueKind kind) => kind switch
    {
        TransferValueKind.Text => r.GetString(i),
        TransferValueKind.Whole16 => r.GetInt16(i),
        TransferValueKind.Whole32 => r.GetInt32(i),
        TransferValueKind.Whole64 => r.GetInt64(i),
        TransferValueKind.Real => r.GetDouble(i),
        TransferValueKind.Exact => r.GetDecimal(i),
        TransferValueKind.Boolean => r.GetBoolean(i),
        TransferValueKind.Instant => DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc),
        TransferValueKind.Day => r.GetFieldValue<DateOnly>(i),
        TransferValueKind.Bytes => r.GetFieldValue<byte[]>(i),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The PostgreSQL type of a neutral value.</summary>
    internal static NpgsqlDbType DbTypeOf(TransferValueKind kind) => kind switch
    {
        TransferValueKind.Text => NpgsqlDbType.Text,
        TransferValueKind.Whole16 => NpgsqlDbType.Smallint,
        TransferValueKind.Whole32 => NpgsqlDbType.Integer,
        TransferValueKind.Whole64 => NpgsqlDbType.Bigint,
        TransferValueKind.Real => NpgsqlDbType.Double,
        TransferValueKind.Exact => NpgsqlDbType.Numeric,
        TransferValueKind.Boolean => NpgsqlDbType.Boolean,
        TransferValueKind.Instant => NpgsqlDbType.TimestampTz,
        TransferValueKind.Day => NpgsqlDbType.Date,
        TransferValueKind.Bytes => NpgsqlDbType.Bytea,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The SQL type name of a neutral value (staging tables).</summary>
    internal static string SqlTypeOf(TransferValueKind kind) => kind switch
    {
        TransferValueKind.Text => "text COLLATE \"C\"",
        TransferValueKind.Whole16 => "smallint",
        TransferValueKind.Whole32 => "integer",
        TransferValueKind.Whole64 => "bigint",
        TransferValueKind.Real => "double precision",
        TransferValueKind.Exact => "numeric",
        TransferValueKind.Boolean => "boolean",
        TransferValueKind.Instant => "timestamptz",
        TransferValueKind.Day => "date",
        TransferValueKind.Bytes => "bytea",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
