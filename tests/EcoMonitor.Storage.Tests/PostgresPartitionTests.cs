using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Postgres;
using EcoMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Tests;

/// <summary>What only the PostgreSQL store has: monthly observation partitions made ahead, and the retention policy.</summary>
[Trait("Area", "Postgres")]
public sealed class PostgresPartitionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_CreatesPartitionsFromLastMonthToMonthsAhead()
    {
        await using Node node = await Node.StartAsync(new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), monthsAhead: 2);

        Assert.Equal(
            ["observation_y2026m02", "observation_y2026m03", "observation_y2026m04", "observation_y2026m05"],
            await node.Partitions.ListPartitionsAsync(Ct));
    }

    [Fact]
    public async Task Maintenance_RowsInDefaultPartition_MoveIntoTheNewMonthAndStayReadable()
    {
        await using Node node = await Node.StartAsync(new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), monthsAhead: 1);
        Observation later = Some.Observation(periodStart: Instant.FromUtc(2026, 7, 10, 0, 0));
        await node.Observations.AppendAsync([later], Ct);
        Assert.Equal(1L, await node.CountAsync("SELECT count(*) FROM observation_default"));

        node.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 20, 0, 0, 0, TimeSpan.Zero));
        Assert.True(await node.Partitions.RunPartitionMaintenanceAsync(Ct));

        Assert.Equal(0L, await node.CountAsync("SELECT count(*) FROM observation_default"));
        Assert.Equal(1L, await node.CountAsync("SELECT count(*) FROM observation_y2026m07"));
        Assert.Equal(AppendOutcome.Unchanged, ToOutcome(await node.Observations.AppendAsync([later], Ct)));
        Assert.Equal(AppendOutcome.Revised, ToOutcome(await node.Observations.AppendAsync([later with { Value = 1m }], Ct)));
    }

    [Fact]
    public async Task Retention_DropsOldMonthsWithTheirHistoryAndFrames_KeepsTheRest()
    {
        await using Node node = await Node.StartAsync(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), monthsAhead: 1, retentionMonths: 2);
        StationId station = Some.StationId();
        Observation old = Some.Observation(station, periodStart: Instant.FromUtc(2026, 1, 10, 0, 0));
        Observation recent = Some.Observation(station, periodStart: Instant.FromUtc(2026, 2, 10, 0, 0));
        await node.Observations.AppendAsync([old, recent], Ct);
        await node.Observations.AppendAsync([old with { Value = 2m }], Ct);
        var batch = new IngestBatch();
        batch.Frames.Add(Some.Frame(station, receivedAt: old.PeriodStart));
        batch.Frames.Add(Some.Frame(station, receivedAt: recent.PeriodStart));
        await node.Ingest.CommitAsync(batch, Ct);

        node.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.True(await node.Partitions.RunPartitionMaintenanceAsync(Ct));

        Assert.DoesNotContain("observation_y2026m01", await node.Partitions.ListPartitionsAsync(Ct));
        Assert.Contains("observation_y2026m02", await node.Partitions.ListPartitionsAsync(Ct));
        Assert.Empty(await node.Observations.HistoryAsync(ObservationKey.Of(old), Ct));
        Assert.Single(await node.Observations.HistoryAsync(ObservationKey.Of(recent), Ct));
        Assert.Equal([recent.PeriodStart], (await node.Frames.QueryAsync(station.Value, new Interval(null, null), 10, Ct)).Select(f => f.ReceivedAt));
    }

    [Fact]
    public async Task LatestOfStations_IsEachStationsLatestInStationOrder_RetentionRemovesLatestOfDroppedMonths()
    {
        await using Node node = await Node.StartAsync(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), monthsAhead: 1, retentionMonths: 2);
        StationId[] stations = [.. Enumerable.Range(0, 3).Select(_ => Some.StationId()).OrderBy(s => s.Value, StringComparer.Ordinal)];
        await node.Observations.AppendAsync(
        [
            Some.Observation(stations[0], periodStart: Instant.FromUtc(2026, 2, 10, 0, 0)),
            Some.Observation(stations[0], periodStart: Instant.FromUtc(2026, 1, 10, 0, 0)),
            Some.Observation(stations[0], "a21026", periodStart: Instant.FromUtc(2026, 2, 11, 0, 0)),
            Some.Observation(stations[1], periodStart: Instant.FromUtc(2026, 2, 12, 0, 0)),
            Some.Observation(stations[2], periodStart: Instant.FromUtc(2026, 1, 10, 0, 0)),
        ], Ct);
        var each = new List<Observation>();
        foreach (StationId station in stations)
        {
            each.AddRange(await node.Observations.LatestAsync(station, Ct));
        }

        IReadOnlyList<Observation> all = await node.Observations.LatestOfStationsAsync([stations[2], stations[0], stations[1]], Ct);
        // A node that has not met these series yet (its cache of series keys is empty) reads the same.
        await using Node other = await node.SecondNodeAsync();
        IReadOnlyList<Observation> allByOther = await other.Observations.LatestOfStationsAsync([stations[2], stations[0], stations[1]], Ct);
        IReadOnlyList<Observation> firstByOther = await other.Observations.LatestAsync(stations[0], Ct);
        node.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.True(await node.Partitions.RunPartitionMaintenanceAsync(Ct));

        Assert.Equal(4, each.Count);
        Assert.Equal(each, all);
        Assert.Equal(each, allByOther);
        Assert.Equal(each.Where(o => o.Station == stations[0]), firstByOther);
        Assert.Equal(2, (await node.Observations.LatestAsync(stations[0], Ct)).Count);
        Assert.Empty(await node.Observations.LatestAsync(stations[2], Ct));
    }

    [Fact]
    public async Task Retention_RemovesALatestValueOfADroppedMonth_KeepsTheStationsNewerOnes()
    {
        await using Node node = await Node.StartAsync(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), monthsAhead: 1, retentionMonths: 2);
        StationId station = Some.StationId();
        await node.Observations.AppendAsync(
        [
            Some.Observation(station, "a21026", periodStart: Instant.FromUtc(2026, 1, 10, 0, 0)),
            Some.Observation(station, periodStart: Instant.FromUtc(2026, 2, 10, 0, 0)),
        ], Ct);
        Assert.Equal(2, (await node.Observations.LatestAsync(station, Ct)).Count);

        node.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.True(await node.Partitions.RunPartitionMaintenanceAsync(Ct));

        Assert.Equal(["a34004"], (await node.Observations.LatestAsync(station, Ct)).Select(o => o.Parameter.Value));
        // The trimmed row goes on taking values.
        await node.Observations.AppendAsync([Some.Observation(station, "a21026", periodStart: Instant.FromUtc(2026, 2, 11, 0, 0))], Ct);
        Assert.Equal(
            ["a21026 2026-02-11T00:00:00Z", "a34004 2026-02-10T00:00:00Z"],
            (await node.Observations.LatestAsync(station, Ct)).Select(o => $"{o.Parameter.Value} {o.PeriodStart}"));
    }

    [Fact]
    public async Task History_OutsideRetention_CannotBeUpdatedOrDeleted()
    {
        await using Node node = await Node.StartAsync(DateTimeOffset.UtcNow, monthsAhead: 1);
        Observation observation = Some.Observation();
        await node.Observations.AppendAsync([observation], Ct);
        await node.Observations.AppendAsync([observation with { Value = 9m }], Ct);

        PostgresException refused = await Assert.ThrowsAsync<PostgresException>(() => node.CountAsync("WITH d AS (DELETE FROM observation_history RETURNING 1) SELECT count(*) FROM d"));

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maintenance_OnTwoNodesAtOnce_CreatesEachPartitionOnce()
    {
        await using Node first = await Node.StartAsync(new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), monthsAhead: 1);
        await using Node second = await first.SecondNodeAsync();
        first.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero));
        second.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero));

        bool[] ran = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? first : second).Partitions.RunPartitionMaintenanceAsync(Ct)));

        Assert.Contains(true, ran);
        IReadOnlyList<string> partitions = await first.Partitions.ListPartitionsAsync(Ct);
        Assert.Equal(partitions.Distinct().Count(), partitions.Count);
        Assert.Contains("observation_y2027m02", partitions);
    }

    private static AppendOutcome ToOutcome(AppendResult result) =>
        result.Inserted == 1 ? AppendOutcome.Inserted : result.Revised == 1 ? AppendOutcome.Revised : AppendOutcome.Unchanged;

    /// <summary>A PostgreSQL store on a fresh database with a clock the test moves.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly string _connectionString;
        private readonly bool _ownsDatabase;

        private Node(ServiceProvider services, string connectionString, bool ownsDatabase, FakeTimeProvider clock)
        {
            _services = services;
            _connectionString = connectionString;
            _ownsDatabase = ownsDatabase;
            Clock = clock;
            Schema = services.GetRequiredService<IStoreSchema>();
            Partitions = services.GetRequiredService<PostgresPartitions>();
            Observations = services.GetRequiredService<PostgresObservationStore>();
            Ingest = services.GetRequiredService<IIngestStore>();
            Frames = services.GetRequiredService<IRawFrameArchive>();
        }

        public IStoreSchema Schema { get; }

        public PostgresPartitions Partitions { get; }

        /// <summary>The engine's class, for what only PostgreSQL offers (the latest values of many stations in one read).</summary>
        public PostgresObservationStore Observations { get; }

        public IIngestStore Ingest { get; }

        public IRawFrameArchive Frames { get; }

        public FakeTimeProvider Clock { get; }

        private int MonthsAhead { get; init; }

        private int RetentionMonths { get; init; }

        public static async Task<Node> StartAsync(DateTimeOffset now, int monthsAhead, int retentionMonths = 0)
        {
            Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
            PostgresTestServer server = await PostgresTestServer.GetAsync();
            string connectionString = await server.CreateDatabaseAsync(Ct);
            return await OpenAsync(connectionString, ownsDatabase: true, now, monthsAhead, retentionMonths);
        }

        public Task<Node> SecondNodeAsync() =>
            OpenAsync(_connectionString, ownsDatabase: false, Clock.GetUtcNow(), MonthsAhead, RetentionMonths);

        public async Task<long> CountAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync(Ct))!;
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            if (_ownsDatabase)
            {
                await (await PostgresTestServer.GetAsync()).DropDatabaseAsync(_connectionString);
            }
        }

        private static async Task<Node> OpenAsync(string connectionString, bool ownsDatabase, DateTimeOffset now, int monthsAhead, int retentionMonths)
        {
            var clock = new FakeTimeProvider(now);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Postgres:ConnectionString"] = connectionString,
                ["Storage:Postgres:PartitionMonthsAhead"] = monthsAhead.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Storage:Postgres:RetentionMonths"] = retentionMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build());
            services.AddPostgresStorage();
            ServiceProvider provider = services.BuildServiceProvider();
            var node = new Node(provider, connectionString, ownsDatabase, clock) { MonthsAhead = monthsAhead, RetentionMonths = retentionMonths };
            await node.Schema.MigrateAsync(Ct);
            return node;
        }
    }
}
