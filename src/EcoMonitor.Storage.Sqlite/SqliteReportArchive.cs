using EcoMonitor.Application.Reports;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IReportArchive"/> on SQLite: table <c>report_archive</c> (migration 22), unique per kind, region, period,
/// format and version. The version is read and written in one transaction of the single writer.
/// </summary>
internal sealed class SqliteReportArchive(SqliteDatabase db) : IReportArchive
{
    private const string Columns = "id, kind, region, period, format, version, content_hash, data_hash, size, generated_at, generated_by";

    /// <inheritdoc />
    public Task<(ArchivedReport Report, bool IsNew)> StoreAsync(NewReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        string kind = ReportCodes.Of(report.Kind), format = ReportCodes.Of(report.Format);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand latest = w.Connection.CreateCommand();
            latest.CommandText = $"""
                SELECT {Columns} FROM report_archive
                WHERE kind = $kind AND region = $region AND period = $period AND format = $format
                ORDER BY version DESC LIMIT 1;
                """;
            Bind(latest, kind, report.Region, report.Period, format);
            ArchivedReport? previous = null;
            using (SqliteDataReader reader = latest.ExecuteReader())
            {
                if (reader.Read())
                {
                    previous = Read(reader);
                }
            }

            if (previous is not null && previous.DataHash == report.DataHash)
            {
                return (previous, false);
            }

            using SqliteCommand insert = w.Connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO report_archive (kind, region, period, format, version, content_hash, data_hash, size, generated_at, generated_by, content)
                VALUES ($kind, $region, $period, $format, $version, $hash, $data, $size, $at, $by, $content)
                RETURNING id;
                """;
            Bind(insert, kind, report.Region, report.Period, format);
            int version = (previous?.Version ?? 0) + 1;
            string hash = report.ContentHash;
            insert.Parameters.AddWithValue("$version", version);
            insert.Parameters.AddWithValue("$hash", hash);
            insert.Parameters.AddWithValue("$data", report.DataHash);
            insert.Parameters.AddWithValue("$size", report.Content.LongLength);
            insert.Parameters.AddWithValue("$at", SqliteValues.ToColumn(report.GeneratedAt));
            insert.Parameters.AddWithValue("$by", report.GeneratedBy);
            insert.Parameters.AddWithValue("$content", report.Content);
            long id = (long)insert.ExecuteScalar()!;
            return (new ArchivedReport(id, report.Kind, report.Region, report.Period, report.Format, version, hash, report.DataHash,
                report.Content.LongLength, report.GeneratedAt, report.GeneratedBy), true);
        }), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArchivedReport>> ListAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand select = connection.CreateCommand();
        select.CommandText = $"""
            SELECT {Columns} FROM report_archive
            WHERE ($prefix IS NULL OR substr(region, 1, length($prefix)) = $prefix)
              AND ($kind IS NULL OR kind = $kind) AND ($period IS NULL OR period = $period)
            ORDER BY id DESC LIMIT $limit;
            """;
        select.Parameters.AddWithValue("$prefix", (object?)query.RegionPrefix ?? DBNull.Value);
        select.Parameters.AddWithValue("$kind", query.Kind is { } kind ? ReportCodes.Of(kind) : DBNull.Value);
        select.Parameters.AddWithValue("$period", (object?)query.Period ?? DBNull.Value);
        select.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, 1000));
        var found = new List<ArchivedReport>();
        await using SqliteDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Read(reader));
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<ArchivedReport?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM report_archive WHERE id = $id;";
        select.Parameters.AddWithValue("$id", id);
        await using SqliteDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<byte[]?> ReadContentAsync(long id, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand select = connection.CreateCommand();
        select.CommandText = "SELECT content FROM report_archive WHERE id = $id;";
        select.Parameters.AddWithValue("$id", id);
        return await select.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    private static void Bind(SqliteCommand command, string kind, string region, string period, string format)
    {
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$region", region);
        command.Parameters.AddWithValue("$period", period);
        command.Parameters.AddWithValue("$format", format);
    }

    private static ArchivedReport Read(SqliteDataReader r) => new(
        r.GetInt64(0), ReportCodes.ParseKind(r.GetString(1)), r.GetString(2), r.GetString(3), ReportCodes.ParseFormat(r.GetString(4)),
        r.GetInt32(5), r.GetString(6), r.GetString(7), r.GetInt64(8), SqliteValues.ToInstant(r.GetInt64(9)), r.GetString(10));
}
