using System.Globalization;
using EcoMonitor.Application.Storage.Transfer;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IStoreExport"/> on SQLite: tables in key-ordered pages in the neutral layout of <see cref="TransferTables"/>
/// (ADR 0013). Its row count serves <see cref="SqliteStoreImport"/> too.
/// </summary>
internal sealed class SqliteStoreExport(SqliteDatabase db) : IStoreExport
{
    // The cursor is the last row's key columns joined by a unit separator (no key column can hold one).
    private const char CursorSeparator = '\u001f';

    /// <inheritdoc cref="IStoreExport.CountAsync" />
    public Task<long> CountAsync(string table, CancellationToken cancellationToken) => CountRowsAsync(db, table, cancellationToken);

    /// <summary>The rows of a transfer table (also <see cref="IStoreImport.CountAsync"/>).</summary>
    internal static async Task<long> CountRowsAsync(SqliteDatabase db, string table, CancellationToken cancellationToken)
    {
        _ = TransferTables.Of(table);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<TransferChunk> ReadAsync(string table, string? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        TransferTable spec = TransferTables.Of(table);
        (string select, string from, string[] key) = Source(spec);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        string after = "";
        if (cursor is not null)
        {
            string[] parts = cursor.Split(CursorSeparator);
            if (parts.Length != key.Length)
            {
                throw new ArgumentException($"The cursor does not belong to table {table}.", nameof(cursor));
            }

            after = $"WHERE ({string.Join(", ", key)}) > ({string.Join(", ", parts.Select((_, i) => "$k" + i.ToString(CultureInfo.InvariantCulture)))})";
            for (int i = 0; i < parts.Length; i++)
            {
                bool isText = spec.Columns.FirstOrDefault(c => c.Name == key[i])?.Kind == TransferValueKind.Text;
                command.Parameters.AddWithValue("$k" + i.ToString(CultureInfo.InvariantCulture),
                    isText ? parts[i] : long.Parse(parts[i], CultureInfo.InvariantCulture));
            }
        }

        command.CommandText = $"SELECT {select}, {string.Join(", ", key)} FROM {from} {after} ORDER BY {string.Join(", ", key)} LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        string? last = cursor;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[spec.Columns.Count];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : ReadTransferValue(reader, i, spec.Columns[i].Kind, table);
            }

            rows.Add(row);
            int keyStart = reader.FieldCount - key.Length;
            last = string.Join(CursorSeparator, Enumerable.Range(keyStart, key.Length)
                .Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
        }

        return new TransferChunk(rows, last);
    }

    /// <summary>Where a table's neutral rows come from in this schema, and the key its pages follow.</summary>
    private static (string Select, string From, string[] Key) Source(TransferTable spec) => spec.Name switch
    {
        TransferTables.Observations => (ObservationExport, "observation o JOIN series s ON s.id = o.series_id", ["o.series_id", "o.period_start"]),
        TransferTables.History => (ObservationExport, "observation_history o JOIN series s ON s.id = o.series_id", ["o.series_id", "o.period_start", "o.revision"]),
        TransferTables.Frames => (spec.ColumnList, spec.Name, ["id"]),
        _ => (spec.ColumnList, spec.Name, [.. spec.Key]),
    };

    private const string ObservationExport =
        "s.station_id, s.parameter, s.interval, o.period_start, o.revision, o.value, o.min, o.max, o.total, o.converted, o.flag, o.source, o.received_at";

    /// <summary>A column in its neutral value (<see cref="TransferValueKind"/>); daily AQI concentrations are integer tenths here.</summary>
    private static object ReadTransferValue(SqliteDataReader r, int i, TransferValueKind kind, string table) => kind switch
    {
        TransferValueKind.Text => r.GetString(i),
        TransferValueKind.Whole16 => (short)r.GetInt64(i),
        TransferValueKind.Whole32 => r.GetInt32(i),
        TransferValueKind.Whole64 => r.GetInt64(i),
        TransferValueKind.Real => r.GetDouble(i),
        TransferValueKind.Exact when table == TransferTables.AqiDays => DailyMonthBlob.FromTenths(r.GetInt64(i)),
        TransferValueKind.Exact => SqliteValues.ParseDecimal(r.GetString(i)),
        TransferValueKind.Boolean => r.GetInt64(i) != 0,
        TransferValueKind.Instant => SqliteValues.ToInstant(r.GetInt64(i)).ToDateTimeUtc(),
        TransferValueKind.Day => ChinaTime.ToLocal(SqliteValues.ToInstant(r.GetInt64(i))).Date.ToDateOnly(),
        TransferValueKind.Bytes => (byte[])r.GetValue(i),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
