using EcoMonitor.Application.Reports;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IReportArchive"/> on PostgreSQL: table <c>report_archive</c> (migration 22), unique per kind, region,
/// period, format and version. Two nodes archiving the same report at once race for the next version: the loser's
/// insert hits the unique key and it reads again (the winner's row, when it shows the same data, is returned).
/// </summary>
internal sealed class PostgresReportArchive(PostgresDatabase db) : IReportArchive
{
    private const string Columns = "id, kind, region, period, format, version, content_hash, data_hash, size, generated_at, generated_by";
    private const int MaxAttempts = 5;

    /// <inheritdoc />
    public async Task<(ArchivedReport Report, bool IsNew)> StoreAsync(NewReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        string kind = ReportCodes.Of(report.Kind), format = ReportCodes.Of(report.Format), hash = report.ContentHash;
        for (int attempt = 1; ; attempt++)
        {
            await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
            IReadOnlyList<ArchivedReport> latest = await ReadAsync(connection, $"""
                SELECT {Columns} FROM report_archive WHERE kind = $1 AND region = $2 AND period = $3 AND format = $4
                ORDER BY version DESC LIMIT 1;
                """, [kind, report.Region, report.Period, format], cancellationToken);
            ArchivedReport? previous = latest.Count > 0 ? latest[0] : null;
            if (previous is not null && previous.DataHash == report.DataHash)
            {
                return (previous, false);
            }

            int version = (previous?.Version ?? 0) + 1;
            await using var insert = new NpgsqlCommand("""
                INSERT INTO report_archive (kind, region, period, format, version, content_hash, data_hash, size, generated_at, generated_by, content)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                RETURNING id;
                """, connection);
            insert.Parameters.AddWithValue(kind);
            insert.Parameters.AddWithValue(report.Region);
            insert.Parameters.AddWithValue(report.Period);
            insert.Parameters.AddWithValue(format);
            insert.Parameters.AddWithValue(version);
            insert.Parameters.AddWithValue(hash);
            insert.Parameters.AddWithValue(report.DataHash);
            insert.Parameters.AddWithValue(report.Content.LongLength);
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = PostgresValues.ToColumn(report.GeneratedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.AddWithValue(report.GeneratedBy);
            insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = report.Content, NpgsqlDbType = NpgsqlDbType.Bytea });
            try
            {
                long id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
                return (new ArchivedReport(id, report.Kind, report.Region, report.Period, report.Format, version, hash, report.DataHash,
                    report.Content.LongLength, report.GeneratedAt, report.GeneratedBy), true);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < MaxAttempts)
            {
                // Another node archived this version first: read again.
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArchivedReport>> ListAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        return await ReadAsync(connection, $"""
            SELECT {Columns} FROM report_archive
            WHERE ($1::text IS NULL OR starts_with(region, $1::text))
              AND ($2::text IS NULL OR kind = $2::text) AND ($3::text IS NULL OR period = $3::text)
            ORDER BY id DESC LIMIT $4;
            """, [query.RegionPrefix, query.Kind is { } kind ? ReportCodes.Of(kind) : null, query.Period, Math.Clamp(query.Limit, 1, 1000)], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ArchivedReport?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        IReadOnlyList<ArchivedReport> found = await ReadAsync(connection, $"SELECT {Columns} FROM report_archive WHERE id = $1;", [id], cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <inheritdoc />
    public async Task<byte[]?> ReadContentAsync(long id, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand("SELECT content FROM report_archive WHERE id = $1;", connection);
        select.Parameters.AddWithValue(id);
        return await select.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    private static async Task<IReadOnlyList<ArchivedReport>> ReadAsync(
        NpgsqlConnection connection, string sql, object?[] parameters, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(sql, connection);
        foreach (object? value in parameters)
        {
            select.Parameters.Add(value switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                long l => new NpgsqlParameter<long> { TypedValue = l },
                int i => new NpgsqlParameter<int> { TypedValue = i },
                _ => new NpgsqlParameter<string> { TypedValue = (string)value, NpgsqlDbType = NpgsqlDbType.Text },
            });
        }

        var found = new List<ArchivedReport>();
        await using NpgsqlDataReader r = await select.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            found.Add(new ArchivedReport(
                r.GetInt64(0), ReportCodes.ParseKind(r.GetString(1)), r.GetString(2), r.GetString(3), ReportCodes.ParseFormat(r.GetString(4)),
                r.GetInt32(5), r.GetString(6), r.GetString(7), r.GetInt64(8), PostgresValues.ToInstant(r.GetDateTime(9)), r.GetString(10)));
        }

        return found;
    }
}
