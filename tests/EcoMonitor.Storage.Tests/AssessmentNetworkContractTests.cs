using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using Npgsql;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// The store's part of the assessment networks (ADR 0037), checked against every engine: a station's networks, the
/// durable re-evaluation of its days when they change, migration 21, and region-days replaced without leftovers.
/// </summary>
[Trait("Area", "Reports")]
public sealed class AssessmentNetworkContractTests
{
    private static readonly LocalDate Day = new(2019, 12, 20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Networks_RoundTrip_IncludingNone(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Station both = Some.Station() with { ControlLevel = ControlLevel.National, Networks = AssessmentNetworks.National | AssessmentNetworks.Provincial };
        Station none = Some.Station() with { Networks = AssessmentNetworks.None };
        Station sensor = Some.Station() with { Networks = AssessmentNetworks.Sensor | AssessmentNetworks.Research };

        await stores.Stations.UpsertAsync([both, none, sensor], Ct);

        Assert.Equal(both.Networks, (await stores.Stations.GetAsync(both.Id, Ct))!.Networks);
        Assert.Equal(AssessmentNetworks.None, (await stores.Stations.GetAsync(none.Id, Ct))!.Networks);
        Assert.Equal(sensor, await stores.Stations.GetAsync(sensor.Id, Ct));
    }

    [Theory, StoreProviders]
    public async Task ChangedNetworks_PutEveryEvaluatedDayBackIntoTheEvaluationWork_Only(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Station station = Some.Station() with { Networks = AssessmentNetworks.National };
        await stores.Stations.UpsertAsync([station], Ct);
        await stores.Evaluations.SaveDailyAsync([StationDay(station, Day), StationDay(station, Day.PlusDays(1))], Ct);
        await DrainAsync(stores);

        await stores.Stations.UpsertAsync([station with { Name = "改名" }], Ct);
        Assert.Empty(await stores.Work.PendingAsync(WorkKind.Evaluation, 0, null, 100, Ct));

        await stores.Stations.UpsertAsync([station with { Networks = AssessmentNetworks.Sensor }], Ct);

        IReadOnlyList<PendingDay> pending = await stores.Work.PendingAsync(WorkKind.Evaluation, 0, null, 100, Ct);
        Assert.Equal([Day, Day.PlusDays(1)], pending.Select(p => p.Day.Day).Order());
        Assert.All(pending, p => Assert.Equal((station.Id, ObservationInterval.Hour), (p.Day.Station, p.Day.Interval)));
        Assert.Empty(await stores.Work.PendingAsync(WorkKind.Quality, 0, null, 100, Ct));
        Assert.Empty(await stores.Work.PendingAsync(WorkKind.Alarms, 0, null, 100, Ct));
    }

    [Theory, StoreProviders]
    public async Task Migration21_DerivesNetworksFromControlLevels_AndQueuesOneStationPerRegionDay(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Station national = Some.Station() with { ControlLevel = ControlLevel.National };
        Station provincial = Some.Station() with { ControlLevel = ControlLevel.Provincial };
        Station city = Some.Station() with { ControlLevel = ControlLevel.City, Region = RegionCode.Parse("510100") };
        Station county = Some.Station() with { ControlLevel = ControlLevel.County, Region = RegionCode.Parse("510100") };
        Station[] all = [national, provincial, city, county];
        await stores.Stations.UpsertAsync(all, Ct);
        await stores.Evaluations.SaveDailyAsync([.. all.Select(s => StationDay(s, Day))], Ct);
        await DrainAsync(stores);
        await UndoMigration21Async(stores, provider);

        await stores.ReopenAsync();

        List<AssessmentNetworks> networks = [];
        foreach (Station station in all)
        {
            networks.Add((await stores.Stations.GetAsync(station.Id, Ct))!.Networks);
        }

        Assert.Equal([AssessmentNetworks.National, AssessmentNetworks.Provincial, AssessmentNetworks.City, AssessmentNetworks.County], networks);
        IReadOnlyList<PendingDay> pending = await stores.Work.PendingAsync(WorkKind.Evaluation, 0, null, 100, Ct);
        // Regions 510104 (two stations) and 510100 (two stations): one station of each, for the one day.
        Assert.Equal(
            ["510100", "510104"],
            pending.Select(p => all.Single(s => s.Id == p.Day.Station).Region.Value).Order(StringComparer.Ordinal));
        Assert.All(pending, p => Assert.Equal(Day, p.Day.Day));
        Assert.Empty(await stores.Work.PendingAsync(WorkKind.Quality, 0, null, 100, Ct));
    }

    [Theory, StoreProviders]
    public async Task ReplaceRegionDaysAsync_RemovesHoursAndDaysNoLongerGiven_AndKeepsOtherDays(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        var city = EvaluationSubject.Of(RegionCode.Parse("510100"));
        var sensors = city.InNetwork(AssessmentNetworks.Sensor);
        var midnight = ChinaTime.ToInstant(Day.AtMidnight());
        await stores.Evaluations.ReplaceRegionDaysAsync(
        [
            new RegionDayEvaluation(city, Day, [Hour(city, midnight), Hour(city, midnight + Duration.FromHours(5))], RegionDay(city, Day, 80)),
            new RegionDayEvaluation(city, Day.PlusDays(1), [Hour(city, midnight + Duration.FromHours(24))], RegionDay(city, Day.PlusDays(1), 60)),
            new RegionDayEvaluation(sensors, Day, [Hour(sensors, midnight)], RegionDay(sensors, Day, 300)),
        ], Ct);

        await stores.Evaluations.ReplaceRegionDaysAsync(
        [
            new RegionDayEvaluation(city, Day, [Hour(city, midnight) with { Aqi = 55 }], RegionDay(city, Day, 55)),
            new RegionDayEvaluation(sensors, Day, [], null),
        ], Ct);

        Assert.Equal([55], (await stores.Evaluations.QueryHourlyAsync(city, midnight, midnight + Duration.FromHours(24), Ct)).Select(h => h.Aqi));
        Assert.Equal([55, 60], (await stores.Evaluations.QueryDailyAsync(EvaluationScope.City, city.Code, Day, Day.PlusDays(1), Ct)).Select(d => d.Aqi));
        Assert.Empty(await stores.Evaluations.QueryHourlyAsync(sensors, midnight, midnight + Duration.FromHours(24), Ct));
        Assert.Empty(await stores.Evaluations.QueryDailyAsync(EvaluationScope.CityNetwork, sensors.Code, Day, Day, Ct));
        Assert.Empty(await stores.Evaluations.QueryDailySeriesAsync(EvaluationScope.CityNetwork, sensors.Code, Day, Day, Ct));
        DailyAirSeries official = Assert.Single(await stores.Evaluations.QueryDailySeriesAsync(EvaluationScope.City, null, Day, Day.PlusDays(1), Ct));
        Assert.Equal(city, official.Subject);
    }

    [Theory, StoreProviders]
    public async Task NetworkSubjects_AreNotListedWithTheOfficialCities(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        var city = EvaluationSubject.Of(RegionCode.Parse("510100"));
        var provincial = city.InNetwork(AssessmentNetworks.Provincial);
        var midnight = ChinaTime.ToInstant(Day.AtMidnight());
        await stores.Evaluations.ReplaceRegionDaysAsync(
        [
            new RegionDayEvaluation(city, Day, [Hour(city, midnight)], RegionDay(city, Day, 80)),
            new RegionDayEvaluation(provincial, Day, [Hour(provincial, midnight)], RegionDay(provincial, Day, 90)),
        ], Ct);

        Assert.Equal([city], (await stores.Evaluations.QueryDailyAsync(EvaluationScope.City, null, Day, Day, Ct)).Select(d => d.Subject));
        Assert.Equal([city], (await stores.Evaluations.QueryLatestHourlyAsync(EvaluationScope.City, midnight + Duration.FromHours(1), Ct)).Select(h => h.Subject));
        Assert.Equal([90], (await stores.Evaluations.QueryDailyAsync(EvaluationScope.CityNetwork, "510100:provincial", Day, Day, Ct)).Select(d => d.Aqi));
    }

    private static DailyAqiRecord StationDay(Station station, LocalDate day) => new()
    {
        Subject = EvaluationSubject.Of(station.Id), Day = day, Pm25 = 50m, IsValid = false, Aqi = 69, Primary = "PM2.5",
    };

    private static DailyAqiRecord RegionDay(EvaluationSubject subject, LocalDate day, int aqi) => new()
    {
        Subject = subject, Day = day, Pm25 = aqi, IsValid = false, Aqi = aqi, Primary = "PM2.5",
    };

    private static HourlyAqiRecord Hour(EvaluationSubject subject, Instant start) => new()
    {
        Subject = subject, HourStart = start, Pm25 = 60m, Aqi = 80, Primary = "PM2.5",
    };

    /// <summary>Marks all pending work done (what the workers would do), so that a test sees only what comes after.</summary>
    private static async Task DrainAsync(TestStores stores)
    {
        foreach (WorkKind kind in Enum.GetValues<WorkKind>())
        {
            IReadOnlyList<PendingDay> pending = await stores.Work.PendingAsync(kind, 0, null, 1000, Ct);
            await stores.Work.CompleteAsync(kind, [.. pending.Select(p => new WorkMark(p.Id, 0, p.Version))], Ct);
        }
    }

    /// <summary>The schema as it was before migration 21 (no networks), with no pending work.</summary>
    private static async Task UndoMigration21Async(TestStores stores, string provider)
    {
        const string Sql = "ALTER TABLE station DROP COLUMN networks; DELETE FROM work_pending; DELETE FROM schema_version WHERE version = 21;";
        if (provider == StoreProviders.Sqlite)
        {
            await using var connection = new SqliteConnection($"Data Source={stores.SqliteFile};Pooling=False");
            await connection.OpenAsync(Ct);
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(Ct);
        }
        else
        {
            await using var connection = new NpgsqlConnection(stores.PostgresConnectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(Sql, connection);
            await command.ExecuteNonQueryAsync(Ct);
        }
    }
}
