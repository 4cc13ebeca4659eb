using System.Globalization;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Postgres;
using EcoMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// Migration 11 on a database that has values in the per-value layout of migrations 1–10: every value, revision,
/// history row, latest value and partition comes through into the packed rows, exactly (decimal scale, flags, sources,
/// microseconds), and the store goes on merging into the migrated rows.
/// </summary>
[Trait("Area", "Postgres")]
public sealed class PostgresUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly StationId Air = StationId.Parse("UPGRADE0001");
    private static readonly StationId Water = StationId.Parse("UPGRADE0002");
    private static readonly Instant March = Instant.FromUtc(2026, 3, 5, 8, 0);
    private static readonly Instant Old = Instant.FromUtc(2025, 1, 7, 0, 0);

    [Fact]
    public async Task Migration11_PacksEveryValueExactly_AndLaterWritesMergeIntoTheMigratedRows()
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        PostgresTestServer server = await PostgresTestServer.GetAsync();
        string connectionString = await server.CreateDatabaseAsync(Ct);
        try
        {
            await CreateVersion10DatabaseAsync(connectionString);
            await using ServiceProvider services = Open(connectionString);
            IObservationStore store = services.GetRequiredService<IObservationStore>();

            await services.GetRequiredService<IStoreSchema>().MigrateAsync(Ct);

            IReadOnlyList<Observation> march = await store.QueryAsync(Query(Air, ObservationInterval.Hour, March, March + Duration.FromHours(2)), Ct);
            Assert.Equal(
                ["a21026 35.20 ", "a34004 -0.5 12.125", "a21026 0.0000000001 ", "a34004 79228162514264337593543950335 "],
                march.Select(o => $"{o.Parameter} {Text(o.Value)} {Text(o.Min)}"));
            Observation flagged = march[1];
            Assert.Equal(DataFlag.Parse("T"), flagged.Flag);
            Assert.Equal(ObservationSource.Import, flagged.Source);
            Assert.Equal(March + Duration.FromHours(1) + Duration.FromTicks(36_123_450), flagged.ReceivedAt);
            Assert.Equal(["w01018 7.0 "], (await store.QueryAsync(Query(Water, ObservationInterval.Hour, Old, Old + Duration.FromHours(1)), Ct))
                .Select(o => $"{o.Parameter} {Text(o.Value)} {Text(o.Min)}"));

            IReadOnlyList<ObservationRevision> history = await store.HistoryAsync(new ObservationKey(Air, ParameterCode.Parse("a34004"), ObservationInterval.Hour, March), Ct);
            Assert.Equal([(1, "41"), (2, "-0.5")], history.Select(r => (r.Revision, Text(r.Observation.Value))));

            IReadOnlyList<Observation> latest = await store.LatestAsync(Air, Ct);
            Assert.Equal(
                ["a21026 Hour 0.0000000001", "a34004 Day 50", "a34004 Hour 79228162514264337593543950335"],
                latest.Select(o => $"{o.Parameter} {o.Interval} {Text(o.Value)}"));
            Assert.Contains("observation_y2026m03", await services.GetRequiredService<PostgresPartitions>().ListPartitionsAsync(Ct));
            Assert.Equal(6L, await ScalarAsync(connectionString, "SELECT count(*) FROM observation_value"));
            Assert.Equal(0L, await ScalarAsync(connectionString, "SELECT count(*) FROM pg_class WHERE relname LIKE 'packed_%'"));

            // The migrated rows take later writes: a new parameter, a revision, an unchanged resend.
            Observation added = Value(Air, "a05024", March, 88m);
            Observation revised = Value(Air, "a21026", March, 36m);
            AppendResult result = await store.AppendAsync([added, revised, march[1]], Ct);
            Assert.Equal(new AppendResult(1, 1, 1), result);
            Assert.Equal(
                ["a05024 88", "a21026 36", "a34004 -0.5"],
                (await store.QueryAsync(Query(Air, ObservationInterval.Hour, March, March + Duration.FromHours(1)), Ct)).Select(o => $"{o.Parameter} {Text(o.Value)}"));
            Assert.Equal([1, 2], (await store.HistoryAsync(ObservationKey.Of(revised), Ct)).Select(r => r.Revision));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>Migrations 1–10 and values as that schema stored them (written in SQL, as the old store did).</summary>
    private static async Task CreateVersion10DatabaseAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, PostgresMigrations.CreateVersionTable);
        foreach (PostgresMigrations.Migration migration in PostgresMigrations.All.Where(m => m.Version <= 10))
        {
            await ExecuteAsync(connection, migration.Sql);
            await ExecuteAsync(connection, $"INSERT INTO schema_version VALUES ({migration.Version}, 'test', now());");
        }

        await ExecuteAsync(connection, """
            CREATE TABLE observation_y2026m03 PARTITION OF observation FOR VALUES FROM ('2026-03-01 00:00+00') TO ('2026-04-01 00:00+00');
            INSERT INTO series (station_id, parameter, interval) VALUES
                ('UPGRADE0001', 'a34004', 'hour'), ('UPGRADE0001', 'a21026', 'hour'), ('UPGRADE0001', 'a34004', 'day'),
                ('UPGRADE0002', 'w01018', 'hour');
            CREATE TEMP TABLE v (station text, parameter text, interval text, period timestamptz, revision integer, value numeric,
                min numeric, flag text, source smallint, received timestamptz);
            INSERT INTO v VALUES
                ('UPGRADE0001', 'a34004', 'hour', '2026-03-05 08:00+00', 2, -0.5, 12.125, 'T', 2, '2026-03-05 09:00:03.612345+00'),
                ('UPGRADE0001', 'a21026', 'hour', '2026-03-05 08:00+00', 1, 35.20, NULL, 'N', 1, '2026-03-05 09:01+00'),
                ('UPGRADE0001', 'a34004', 'hour', '2026-03-05 09:00+00', 1, 79228162514264337593543950335, NULL, 'N', 1, '2026-03-05 10:01+00'),
                ('UPGRADE0001', 'a21026', 'hour', '2026-03-05 09:00+00', 1, 0.0000000001, NULL, 'N', 1, '2026-03-05 10:01+00'),
                ('UPGRADE0001', 'a34004', 'day', '2026-03-04 16:00+00', 1, 50, NULL, 'N', 1, '2026-03-05 16:05+00'),
                ('UPGRADE0002', 'w01018', 'hour', '2025-01-07 00:00+00', 1, 7.0, NULL, 'N', 1, '2025-01-07 01:00+00');
            INSERT INTO observation (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at)
            SELECT s.id, v.period, v.revision, v.value, v.min, NULL, NULL, NULL, v.flag, v.source, v.received
            FROM v JOIN series s ON s.station_id = v.station AND s.parameter = v.parameter AND s.interval = v.interval;
            INSERT INTO observation_history (series_id, period_start, revision, value, min, max, total, converted, flag, source, received_at)
            SELECT id, '2026-03-05 08:00+00', 1, 41, NULL, NULL, NULL, NULL, 'N', 1, '2026-03-05 09:01+00'
            FROM series WHERE station_id = 'UPGRADE0001' AND parameter = 'a34004' AND interval = 'hour';
            INSERT INTO observation_latest
            SELECT s.id, s.station_id, s.parameter, s.interval, o.period_start, o.revision, o.value, o.min, o.max, o.total,
                   o.converted, o.flag, o.source, o.received_at
            FROM series s JOIN observation o ON o.series_id = s.id
            WHERE o.period_start = (SELECT max(period_start) FROM observation x WHERE x.series_id = s.id);
            """);
    }

    /// <summary>The engine through its public registration, on <paramref name="connectionString"/>, one partition month ahead.</summary>
    private static ServiceProvider Open(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Postgres:ConnectionString"] = connectionString,
            ["Storage:Postgres:PartitionMonthsAhead"] = "1",
        }).Build());
        services.AddPostgresStorage();
        return services.BuildServiceProvider();
    }

    private static ObservationQuery Query(StationId station, ObservationInterval interval, Instant from, Instant to) =>
        new() { Station = station, Interval = interval, From = from, To = to };

    private static Observation Value(StationId station, string parameter, Instant period, decimal value) => new()
    {
        Station = station,
        Parameter = ParameterCode.Parse(parameter),
        Interval = ObservationInterval.Hour,
        PeriodStart = period,
        Value = value,
        ReceivedAt = period + Duration.FromMinutes(61),
    };

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
