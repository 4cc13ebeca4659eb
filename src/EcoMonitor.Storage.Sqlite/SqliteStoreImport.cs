using System.Globalization;
using System.Text;
using EcoMonitor.Application.Storage.Transfer;
using Microsoft.Data.Sqlite;
using NodaTime;
using static EcoMonitor.Storage.Sqlite.SqliteEvaluationStore;
using static EcoMonitor.Storage.Sqlite.SqliteValues;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IStoreImport"/> on SQLite: neutral pages inserted unless their key exists, with the cursor in the same
/// write transaction (ADR 0013); imported daily AQI rebuilds its month blobs (<see cref="SqliteEvaluationStore.RebuildMonths"/>).
/// </summary>
internal sealed class SqliteStoreImport(SqliteDatabase db) : IStoreImport
{
    /// <inheritdoc />
    public Task<long> CountAsync(string table, CancellationToken cancellationToken) =>
        SqliteStoreExport.CountRowsAsync(db, table, cancellationToken);

    /// <inheritdoc />
    public async Task<string?> CursorAsync(string table, CancellationToken cancellationToken)
    {
        _ = TransferTables.Of(table);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT cursor FROM transfer_cursor WHERE table_name = $table;";
        command.Parameters.AddWithValue("$table", table);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One write transaction: each row inserted unless its key exists (observations find or create their series
    /// first; raw frames get new ids), then the cursor.
    /// </remarks>
    public Task WriteAsync(string table, TransferChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        TransferTable spec = TransferTables.Of(table);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, chunk.Rows.Count, w =>
        {
            using SqliteCommand series = w.Connection.CreateCommand();
            series.CommandText = "INSERT OR IGNORE INTO series (station_id, parameter, interval) VALUES ($0, $1, $2);";
            SqliteParameterCollection seriesKey = AddParameters(series, 3);
            using SqliteCommand insert = w.Connection.CreateCommand();
            insert.CommandText = InsertStatement(spec);
            SqliteParameterCollection p = AddParameters(insert, spec.Columns.Count);
            bool isObservation = table is TransferTables.Observations or TransferTables.History;
            foreach (object?[] row in chunk.Rows)
            {
                for (int i = 0; i < row.Length; i++)
                {
                    p[i].Value = ToColumn(row[i], spec.Columns[i].Kind, table);
                }

                if (isObservation)
                {
                    for (int i = 0; i < 3; i++)
                    {
                        seriesKey[i].Value = p[i].Value;
                    }

                    series.ExecuteNonQuery();
                }

                insert.ExecuteNonQuery();
            }

            if (table == TransferTables.AqiDays)
            {
                RebuildMonths(w, chunk.Rows.Select(r => ((string)r[0]!, (string)r[1]!, LocalDate.FromDateOnly((DateOnly)r[2]!).With(DateAdjusters.StartOfMonth))).Distinct());
            }

            if (chunk.Cursor is not null)
            {
                using SqliteCommand cursor = w.Connection.CreateCommand();
                cursor.CommandText = """
                    INSERT INTO transfer_cursor (table_name, cursor, copied) VALUES ($table, $cursor, $copied)
                    ON CONFLICT (table_name) DO UPDATE SET cursor = excluded.cursor, copied = transfer_cursor.copied + excluded.copied;
                    """;
                cursor.Parameters.AddWithValue("$table", table);
                cursor.Parameters.AddWithValue("$cursor", chunk.Cursor);
                cursor.Parameters.AddWithValue("$copied", chunk.Rows.Count);
                cursor.ExecuteNonQuery();
            }

            return chunk.Rows.Count;
        }), cancellationToken);
    }

    /// <summary>The insert of one neutral row ($0…$n in layout order).</summary>
    private static string InsertStatement(TransferTable spec)
    {
        string values = string.Join(", ", spec.Columns.Select((_, i) => "$" + i.ToString(CultureInfo.InvariantCulture)));
        return spec.Name switch
        {
            TransferTables.Observations or TransferTables.History => $"""
                INSERT OR IGNORE INTO {spec.Name} (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at)
                VALUES ((SELECT id FROM series WHERE station_id = $0 AND parameter = $1 AND interval = $2),
                        $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);
                """,
            // Frames have no natural key: exactly-once comes from the cursor committed with the page.
            TransferTables.Frames => $"INSERT INTO raw_frame ({spec.ColumnList}) VALUES ({values});",
            _ => $"INSERT OR IGNORE INTO {spec.Name} ({spec.ColumnList}) VALUES ({values});",
        };
    }

    /// <summary>A neutral value in this schema's representation; daily AQI concentrations are integer tenths here.</summary>
    private static object ToColumn(object? value, TransferValueKind kind, string table) => value switch
    {
        null => DBNull.Value,
        decimal d when table == TransferTables.AqiDays => (long)Math.Round(d * 10m, MidpointRounding.AwayFromZero),
        decimal d => DecimalText(d),
        bool b => b ? 1L : 0L,
        DateTime t when kind == TransferValueKind.Instant => SqliteValues.ToColumn(Instant.FromDateTimeUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc))),
        DateOnly day => DayColumn(LocalDate.FromDateOnly(day)),
        _ => value,
    };

    private static string DecimalText(decimal value)
    {
        Span<byte> buffer = stackalloc byte[64];
        return Encoding.UTF8.GetString(SqliteValues.ToUtf8(value, buffer));
    }
}
