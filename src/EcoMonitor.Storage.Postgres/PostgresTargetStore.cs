using EcoMonitor.Application.Targets;
using EcoMonitor.Domain;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="ITargetStore"/> on PostgreSQL: table <c>region_target</c> (migration 25), one row per region and year; the
/// section classes as text (<see cref="TargetSectionsText"/>).
/// </summary>
internal sealed class PostgresTargetStore(PostgresDatabase db) : ITargetStore
{
    private const string Columns = "region, year, pm25, good_day_ratio, heavy_days, good_water_share, sections, set_by, set_at";

    /// <inheritdoc />
    public Task<RegionTargets?> PutAsync(RegionTargets targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            RegionTargets? before = await FindAsync(connection, transaction, targets.Region, targets.Year, cancellationToken);
            await using var upsert = new NpgsqlCommand($"""
                INSERT INTO region_target ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (region, year) DO UPDATE SET pm25 = excluded.pm25, good_day_ratio = excluded.good_day_ratio,
                    heavy_days = excluded.heavy_days, good_water_share = excluded.good_water_share, sections = excluded.sections,
                    set_by = excluded.set_by, set_at = excluded.set_at;
                """, connection, transaction);
            upsert.Parameters.AddWithValue(targets.Region.Value);
            upsert.Parameters.AddWithValue(targets.Year);
            upsert.Parameters.Add(Numeric(targets.Pm25));
            upsert.Parameters.Add(Numeric(targets.GoodDayRatio));
            upsert.Parameters.Add(new NpgsqlParameter<int?> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = targets.HeavyPollutionDays });
            upsert.Parameters.Add(Numeric(targets.GoodWaterShare));
            upsert.Parameters.AddWithValue(TargetSectionsText.Format(targets.SectionClasses));
            upsert.Parameters.AddWithValue(targets.SetBy);
            upsert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = PostgresValues.ToColumn(targets.SetAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            return before;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RegionTargets?> DeleteAsync(RegionCode region, int year, CancellationToken cancellationToken) =>
        db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            RegionTargets? before = await FindAsync(connection, transaction, region, year, cancellationToken);
            await using var delete = new NpgsqlCommand("DELETE FROM region_target WHERE region = $1 AND year = $2;", connection, transaction);
            delete.Parameters.AddWithValue(region.Value);
            delete.Parameters.AddWithValue(year);
            await delete.ExecuteNonQueryAsync(cancellationToken);
            return before;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegionTargets>> ListAsync(int year, string? regionPrefix, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM region_target
            WHERE year = $1 AND ($2::text IS NULL OR left(region, length($2)) = $2)
            ORDER BY region;
            """, connection);
        command.Parameters.AddWithValue(year);
        command.Parameters.Add(new NpgsqlParameter<string?> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = regionPrefix });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<RegionTargets>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static async Task<RegionTargets?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RegionCode region, int year, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM region_target WHERE region = $1 AND year = $2 FOR UPDATE;", connection, transaction);
        command.Parameters.AddWithValue(region.Value);
        command.Parameters.AddWithValue(year);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static NpgsqlParameter<decimal?> Numeric(decimal? value) => new() { NpgsqlDbType = NpgsqlDbType.Numeric, TypedValue = value };

    private static RegionTargets Read(NpgsqlDataReader reader) => new(
        RegionCode.Parse(reader.GetString(0)), reader.GetInt32(1), Decimal(reader, 2), Decimal(reader, 3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
        Decimal(reader, 5), TargetSectionsText.Parse(reader.GetString(6)), reader.GetString(7), PostgresValues.ToInstant(reader.GetDateTime(8)));

    private static decimal? Decimal(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);
}
