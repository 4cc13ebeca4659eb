using EcoMonitor.Application.Targets;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="ITargetStore"/> on SQLite: table <c>region_target</c> (migration 25), one row per region and year; the
/// values as decimal text, the section classes as text (<see cref="TargetSectionsText"/>).
/// </summary>
internal sealed class SqliteTargetStore(SqliteDatabase db) : ITargetStore
{
    private const string Columns = "region, year, pm25, good_day_ratio, heavy_days, good_water_share, sections, set_by, set_at";

    /// <inheritdoc />
    public Task<RegionTargets?> PutAsync(RegionTargets targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return db.WriteAsync(
            writer => db.InTransaction(writer, 0, 0, w =>
            {
                RegionTargets? before = Find(w.Connection, targets.Region, targets.Year);
                using SqliteCommand upsert = w.Connection.CreateCommand();
                upsert.CommandText = $"INSERT OR REPLACE INTO region_target ({Columns}) VALUES ($region, $year, $pm25, $ratio, $heavy, $water, $sections, $by, $at);";
                upsert.Parameters.AddWithValue("$region", targets.Region.Value);
                upsert.Parameters.AddWithValue("$year", targets.Year);
                upsert.Parameters.AddWithValue("$pm25", SqliteValues.DecimalText(targets.Pm25));
                upsert.Parameters.AddWithValue("$ratio", SqliteValues.DecimalText(targets.GoodDayRatio));
                upsert.Parameters.AddWithValue("$heavy", (object?)targets.HeavyPollutionDays ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$water", SqliteValues.DecimalText(targets.GoodWaterShare));
                upsert.Parameters.AddWithValue("$sections", TargetSectionsText.Format(targets.SectionClasses));
                upsert.Parameters.AddWithValue("$by", targets.SetBy);
                upsert.Parameters.AddWithValue("$at", SqliteValues.ToColumn(targets.SetAt));
                upsert.ExecuteNonQuery();
                return before;
            }),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<RegionTargets?> DeleteAsync(RegionCode region, int year, CancellationToken cancellationToken) =>
        db.WriteAsync(
            writer => db.InTransaction(writer, 0, 0, w =>
            {
                RegionTargets? before = Find(w.Connection, region, year);
                using SqliteCommand delete = w.Connection.CreateCommand();
                delete.CommandText = "DELETE FROM region_target WHERE region = $region AND year = $year;";
                delete.Parameters.AddWithValue("$region", region.Value);
                delete.Parameters.AddWithValue("$year", year);
                delete.ExecuteNonQuery();
                return before;
            }),
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegionTargets>> ListAsync(int year, string? regionPrefix, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM region_target
            WHERE year = $year AND ($prefix IS NULL OR substr(region, 1, length($prefix)) = $prefix)
            ORDER BY region;
            """;
        command.Parameters.AddWithValue("$year", year);
        command.Parameters.AddWithValue("$prefix", (object?)regionPrefix ?? DBNull.Value);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<RegionTargets>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static RegionTargets? Find(SqliteConnection connection, RegionCode region, int year)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM region_target WHERE region = $region AND year = $year;";
        command.Parameters.AddWithValue("$region", region.Value);
        command.Parameters.AddWithValue("$year", year);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static RegionTargets Read(SqliteDataReader reader) => new(
        RegionCode.Parse(reader.GetString(0)), reader.GetInt32(1), SqliteValues.NullableDecimal(reader, 2), SqliteValues.NullableDecimal(reader, 3),
        reader.IsDBNull(4) ? null : reader.GetInt32(4), SqliteValues.NullableDecimal(reader, 5), TargetSectionsText.Parse(reader.GetString(6)),
        reader.GetString(7), SqliteValues.ToInstant(reader.GetInt64(8)));
}
