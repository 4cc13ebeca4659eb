using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Benchmarks;

/// <summary>
/// The PostgreSQL store on a real, durable server named by <c>ECOMON_BENCH_PG</c> (a connection string to an empty
/// database; <c>benchmarks/pg-bench-server.sh</c> starts one with fsync and synchronous_commit on):
/// durable acknowledged ingest (1,000 stations × 10 parameters per commit, new keys each time, times per observation),
/// one station-year time-range query (8,760 hours × 6 parameters) and the latest values of 10,000 stations.
/// </summary>
/// <remarks>
/// No job attribute: pick one on the command line, e.g. <c>--inProcess --job short</c> (an attribute job would add a
/// second, out-of-process job whose build times out on a loaded machine). Every invocation runs once
/// (<c>--invocationCount 1 --unrollFactor 1</c>) so that each ingest writes new keys.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
public class PostgresStoreBenchmarks : IDisposable
{
    private const int Stations = 1_000;
    private const int ParametersPerFrame = 10;
    private const int MapStations = 10_000;
    // Inside the partitions maintenance keeps (last month to 12 ahead): the year queried spans 12 monthly partitions.
    private static readonly Instant Start = MonthStart(0);
    private static readonly Instant YearStart = MonthStart(1);
    private static readonly StationId YearStation = StationId.Parse("BENCHYEAR1");

    private readonly byte[] _frameBytes = Encoding.ASCII.GetBytes(new string('x', 600));
    private PostgresDatabase _database = null!;
    private PostgresObservationStore _observations = null!;
    private PostgresIngestStore _ingest = null!;
    private StationId[] _stations = [];
    private StationId[] _mapStations = [];
    private ParameterCode[] _parameters = [];
    private int _hour;

    [GlobalSetup]
    public void Setup()
    {
        string connectionString = Environment.GetEnvironmentVariable("ECOMON_BENCH_PG")
            ?? throw new InvalidOperationException("Set ECOMON_BENCH_PG to a connection string of an empty database (see benchmarks/pg-bench-server.sh).");
        _database = new PostgresDatabase(Options.Create(new PostgresStorageOptions { ConnectionString = connectionString, PartitionMonthsAhead = 12 }), TimeProvider.System, NullLogger<PostgresDatabase>.Instance);
        _observations = new PostgresObservationStore(_database);
        _ingest = new PostgresIngestStore(_database, NullLogger<PostgresIngestStore>.Instance);
        new PostgresStoreSchema(_database, new PostgresPartitions(_database, NullLogger<PostgresPartitions>.Instance), NullLogger<PostgresStoreSchema>.Instance)
            .MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        _stations = [.. Enumerable.Range(0, Stations).Select(i => StationId.Parse(string.Create(CultureInfo.InvariantCulture, $"BENCH{i:D6}")))];
        _mapStations = [.. Enumerable.Range(0, MapStations).Select(i => StationId.Parse(string.Create(CultureInfo.InvariantCulture, $"MAP{i:D6}")))];
        _parameters = [.. Enumerable.Range(0, ParametersPerFrame).Select(i => ParameterCode.Parse(string.Create(CultureInfo.InvariantCulture, $"a3400{i}")))];
        // Use an empty database per run (pg-bench-server.sh makes one): ingest writes the hours after Start.
        _hour = 2;
        SeedAsync().GetAwaiter().GetResult();
        // Statistics as autovacuum keeps them on a running server (a freshly filled table has none, and the planner
        // then misjudges the 10,000-station read).
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        using NpgsqlCommand analyze = dataSource.CreateCommand("ANALYZE;");
        analyze.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>1,000 frames × 10 observations committed durably in one transaction (times per observation).</summary>
    [Benchmark(OperationsPerInvoke = Stations * ParametersPerFrame)]
    public Task<AppendResult> DurableIngestBatch()
    {
        var batch = new IngestBatch();
        Instant hour = Start + Duration.FromHours(_hour++);
        for (int s = 0; s < Stations; s++)
        {
            AddFrame(batch, _stations[s], hour);
        }

        return _ingest.CommitAsync(batch, CancellationToken.None);
    }

    /// <summary>One station's hourly values of six parameters over a year (52,560 rows).</summary>
    [Benchmark]
    public Task<IReadOnlyList<Observation>> StationYearQuery() => _observations.QueryAsync(new ObservationQuery
    {
        Station = YearStation,
        Interval = ObservationInterval.Hour,
        From = YearStart,
        To = YearStart + Duration.FromDays(365),
    }, CancellationToken.None);

    /// <summary>The latest value of each of six parameters of 10,000 stations (60,000 rows).</summary>
    [Benchmark]
    public Task<IReadOnlyList<Observation>> LatestOfTenThousandStations() => _observations.LatestOfStationsAsync(_mapStations, CancellationToken.None);

    private async Task SeedAsync()
    {
        var batch = new IngestBatch();
        for (int h = 0; h < 8_760; h++)
        {
            for (int p = 0; p < 6; p++)
            {
                batch.Observations.Add(Observation(YearStation, _parameters[p], YearStart + Duration.FromHours(h), 30m + h % 50));
            }

            if (batch.Observations.Count >= 20_000)
            {
                await _ingest.CommitAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }

        foreach (StationId station in _mapStations)
        {
            for (int p = 0; p < 6; p++)
            {
                batch.Observations.Add(Observation(station, _parameters[p], Start, 12.5m + p));
                batch.Observations.Add(Observation(station, _parameters[p], Start + Duration.FromHours(1), 13.5m + p));
            }

            if (batch.Observations.Count >= 20_000)
            {
                await _ingest.CommitAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }

        await _ingest.CommitAsync(batch, CancellationToken.None);
    }

    private void AddFrame(IngestBatch batch, StationId id, Instant hour)
    {
        string qn = string.Create(CultureInfo.InvariantCulture, $"{hour.ToUnixTimeSeconds()}");
        batch.Frames.Add(new RawFrame
        {
            ReceivedAt = hour + Duration.FromMinutes(61),
            Peer = "10.1.2.3:50211",
            StationId = id.Value,
            CommandCode = "2061",
            RequestNumber = qn,
            Bytes = _frameBytes,
            Outcome = RawFrameOutcome.Accepted,
        });
        batch.Packets.Add(new PacketId(id.Value, qn, 1));
        for (int p = 0; p < _parameters.Length; p++)
        {
            batch.Observations.Add(Observation(id, _parameters[p], hour, 35.2m + p) with { Min = 20.125m, Max = 48.9m });
        }
    }

    private static Instant MonthStart(int monthsAhead)
    {
        DateTime now = DateTime.UtcNow;
        return Instant.FromDateTimeUtc(new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(monthsAhead));
    }

    /// <summary>An hourly value received 61 minutes after its hour started (also the codec benchmark's).</summary>
    internal static Observation Observation(StationId station, ParameterCode parameter, Instant hour, decimal value) => new()
    {
        Station = station,
        Parameter = parameter,
        Interval = ObservationInterval.Hour,
        PeriodStart = hour,
        Value = value,
        ReceivedAt = hour + Duration.FromMinutes(61),
    };
}
