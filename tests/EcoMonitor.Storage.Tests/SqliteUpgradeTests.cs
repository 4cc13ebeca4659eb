using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>Upgrading an existing SQLite file: a missing migration is applied and keeps the data it reshapes.</summary>
[Trait("Area", "Standards")]
public sealed class SqliteUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migration5_DailyValuesStoredAsText_AreReadBackExactlyAsTenths()
    {
        await using TestStores stores = await TestStores.CreateAsync(StoreProviders.Sqlite);
        await using (var connection = new SqliteConnection($"Data Source={stores.SqliteFile};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = """
                DROP TABLE aqi_day;
                CREATE TABLE aqi_day (
                    scope TEXT NOT NULL, code TEXT NOT NULL, day INTEGER NOT NULL,
                    so2 TEXT, no2 TEXT, pm10 TEXT, pm25 TEXT, co TEXT, o3_max_1h TEXT, o3_max_8h TEXT,
                    is_valid INTEGER NOT NULL, aqi INTEGER, primary_pollutants TEXT NOT NULL, exceeding_pollutants TEXT NOT NULL,
                    PRIMARY KEY (scope, code, day)) WITHOUT ROWID;
                INSERT INTO aqi_day VALUES ('city', '510100', $day, '8', '52', '101', '76', '1.3', '40', NULL, 0, 101, 'PM2.5', 'PM2.5');
                DROP TABLE water_day;
                ALTER TABLE station DROP COLUMN water_body;
                DELETE FROM schema_version WHERE version = 5;
                """;
            command.Parameters.AddWithValue("$day", new LocalDate(2019, 12, 20).AtStartOfDayInZone(DateTimeZone.ForOffset(Offset.FromHours(8))).ToInstant().ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(Ct);
        }

        await stores.ReopenAsync();

        DailyAqiRecord day = Assert.Single(await stores.Evaluations.QueryDailyAsync(EvaluationScope.City, "510100", new LocalDate(2019, 12, 20), new LocalDate(2019, 12, 20), Ct));
        Assert.Equal(
            new DailyAqiRecord
            {
                Subject = new EvaluationSubject(EvaluationScope.City, "510100"), Day = new LocalDate(2019, 12, 20), So2 = 8m, No2 = 52m,
                Pm10 = 101m, Pm25 = 76m, Co = 1.3m, O3MaxHour = 40m, O3MaxEightHour = null, IsValid = false, Aqi = 101,
                Primary = "PM2.5", Exceeding = "PM2.5",
            },
            day);
    }

    [Fact]
    public async Task Migration11_ExistingStations_AreNotDrinkingWaterSources_AndCanBecomeOne()
    {
        await using TestStores stores = await TestStores.CreateAsync(StoreProviders.Sqlite);
        Station section = Some.Station() with { Type = StationType.SurfaceWater };
        await stores.Stations.UpsertAsync([section], Ct);
        await using (var connection = new SqliteConnection($"Data Source={stores.SqliteFile};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE station DROP COLUMN drinking_water_source; DELETE FROM schema_version WHERE version = 11;";
            await command.ExecuteNonQueryAsync(Ct);
        }

        await stores.ReopenAsync();

        Assert.Equal(section, await stores.Stations.GetAsync(section.Id, Ct));
        await stores.Stations.UpsertAsync([section with { IsDrinkingWaterSource = true }], Ct);
        Assert.True((await stores.Stations.GetAsync(section.Id, Ct))!.IsDrinkingWaterSource);
    }

    [Fact]
    public async Task Migration10_ExistingDailyRows_AreCopiedIntoTheMonthSeries_AndLaterSavesRebuildTheirMonth()
    {
        await using TestStores stores = await TestStores.CreateAsync(StoreProviders.Sqlite);
        var subject = new EvaluationSubject(EvaluationScope.Station, "1001A");
        DailyAqiRecord jan31 = new() { Subject = subject, Day = new LocalDate(2025, 1, 31), So2 = 8m, Pm25 = 76.5m, Co = 1.3m, IsValid = true, Aqi = 101, Primary = "PM2.5" };
        DailyAqiRecord feb1 = jan31 with { Day = new LocalDate(2025, 2, 1), Pm25 = null, Aqi = null, IsValid = false };
        await stores.Evaluations.SaveDailyAsync([jan31, feb1], Ct);
        await using (var connection = new SqliteConnection($"Data Source={stores.SqliteFile};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = """
                DROP TABLE aqi_day_month; DELETE FROM schema_version WHERE version = 10;
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        await stores.ReopenAsync();
        DailyAirSeries series = Assert.Single(await stores.Evaluations.QueryDailySeriesAsync(EvaluationScope.Station, null, jan31.Day, feb1.Day, Ct));
        await stores.Evaluations.SaveDailyAsync([feb1 with { Pm25 = 12.3m }], Ct);
        DailyAirSeries after = Assert.Single(await stores.Evaluations.QueryDailySeriesAsync(EvaluationScope.Station, "1001A", jan31.Day, feb1.Day, Ct));

        Assert.Equal([76.5m, null], series.Pm25);
        Assert.Equal([101, null], series.Aqi);
        Assert.Equal([true, false], series.IsValid);
        Assert.Equal([76.5m, 12.3m], after.Pm25);
        Assert.Equal(2, after.StoredDays);
    }
}
