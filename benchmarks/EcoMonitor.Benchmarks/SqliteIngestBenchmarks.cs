using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Benchmarks;

/// <summary>
/// The durable write path of ingestion on a real SQLite file (WAL, synchronous=FULL): 1,000 stations each sending
/// one hourly packet of 10 parameters. Times are per observation (OperationsPerInvoke), so the two rows compare
/// directly: one transaction per batch (what the ingest writer does) against one transaction per frame (baseline).
/// Every invocation writes new keys (the next hour), as live data do.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 1)]
[MedianColumn]
public class SqliteIngestBenchmarks : IDisposable
{
    private const int Stations = 1_000;
    private const int ParametersPerFrame = 10;
    private const int BaselineFrames = 100;

    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 16, 0);

    private readonly byte[] _frameBytes = Encoding.ASCII.GetBytes(new string('x', 600));
    private string _directory = "";
    private SqliteDatabase _database = null!;
    private SqliteIngestStore _store = null!;
    private StationId[] _stations = [];
    private ParameterCode[] _parameters = [];
    private int _hour;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ecomonitor-bench", Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = Path.Combine(_directory, "bench.db") }), TimeProvider.System, NullLogger<SqliteDatabase>.Instance);
        _store = new SqliteIngestStore(_database, NullLogger<SqliteIngestStore>.Instance);
        new SqliteStoreSchema(_database, NullLogger<SqliteStoreSchema>.Instance).MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        _stations = [.. Enumerable.Range(0, Stations).Select(i => StationId.Parse(string.Create(CultureInfo.InvariantCulture, $"BENCH{i:D6}")))];
        _parameters = [.. Enumerable.Range(0, ParametersPerFrame).Select(i => ParameterCode.Parse(string.Create(CultureInfo.InvariantCulture, $"a3400{i}")))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>1,000 frames × 10 observations in one transaction.</summary>
    [Benchmark(OperationsPerInvoke = Stations * ParametersPerFrame)]
    public Task<AppendResult> OneTransactionPerBatch()
    {
        var batch = new IngestBatch();
        Fill(batch, Stations, NextHour());
        return _store.CommitAsync(batch, CancellationToken.None);
    }

    /// <summary>100 frames × 10 observations, each frame in its own transaction (an fsync per frame).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BaselineFrames * ParametersPerFrame)]
    public async Task OneTransactionPerFrame()
    {
        Instant hour = NextHour();
        var batch = new IngestBatch();
        for (int s = 0; s < BaselineFrames; s++)
        {
            batch.Clear();
            AddFrame(batch, s, hour);
            await _store.CommitAsync(batch, CancellationToken.None);
        }
    }

    private Instant NextHour() => Start + Duration.FromHours(_hour++);

    private void Fill(IngestBatch batch, int stations, Instant hour)
    {
        for (int s = 0; s < stations; s++)
        {
            AddFrame(batch, s, hour);
        }
    }

    private void AddFrame(IngestBatch batch, int station, Instant hour)
    {
        StationId id = _stations[station];
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
            batch.Observations.Add(new Observation
            {
                Station = id,
                Parameter = _parameters[p],
                Interval = ObservationInterval.Hour,
                PeriodStart = hour,
                Value = 35.2m + p,
                Min = 20.125m,
                Max = 48.9m,
                ReceivedAt = hour + Duration.FromMinutes(61),
            });
        }
    }
}
