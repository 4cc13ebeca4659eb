using System.Globalization;
using BenchmarkDotNet.Attributes;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Benchmarks;

/// <summary>
/// HJ 663-2013 annual statistics of 1,000 stations from a real SQLite store: the stored daily values of a year
/// (1,000 × 365 station-days, i.e. what the evaluation worker derived from 1,000 × 8,760 hourly values) are read in
/// one query and each station's statistics computed — six pollutants' means, percentiles, exceedances and validity,
/// days per AQI level, good-day share and comprehensive index. The daily values vary per station and day.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MedianColumn]
public class AnnualStatisticsBenchmarks : IDisposable
{
    private const int Stations = 1_000;
    private static readonly LocalDate FirstDay = new(2025, 1, 1);
    private static readonly LocalDate LastDay = new(2025, 12, 31);

    private string _directory = "";
    private SqliteDatabase _database = null!;
    private SqliteEvaluationStore _store = null!;
    private IReadOnlyList<DailyAirSeries> _loaded = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ecomonitor-bench", Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = Path.Combine(_directory, "bench.db") }), TimeProvider.System, NullLogger<SqliteDatabase>.Instance);
        _store = new SqliteEvaluationStore(_database);
        new SqliteStoreSchema(_database, NullLogger<SqliteStoreSchema>.Instance).MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        var random = new Random(2025);
        List<DailyAqiRecord> year = new(Stations * 365);
        for (int s = 0; s < Stations; s++)
        {
            var subject = new EvaluationSubject(EvaluationScope.Station, string.Create(CultureInfo.InvariantCulture, $"BENCH{s:D6}"));
            for (LocalDate day = FirstDay; day <= LastDay; day = day.PlusDays(1))
            {
                bool isMissing = random.Next(50) == 0;
                year.Add(new DailyAqiRecord
                {
                    Subject = subject, Day = day, So2 = random.Next(3, 40), No2 = random.Next(10, 90), Pm10 = random.Next(20, 250),
                    Pm25 = isMissing ? null : random.Next(5, 200), Co = random.Next(3, 30) / 10m, O3MaxHour = random.Next(20, 260),
                    O3MaxEightHour = random.Next(15, 220), IsValid = !isMissing, Aqi = random.Next(15, 300), Primary = "PM2.5",
                });
            }
        }

        _store.SaveDailyAsync(year, CancellationToken.None).GetAwaiter().GetResult();
        _loaded = DailyAirSeries.GroupBySubject(year, FirstDay, LastDay);
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

    /// <summary>Reads 365,000 station-days (as series, from the columnar copy) and computes 1,000 stations' annual statistics.</summary>
    [Benchmark]
    public async Task<int> AnnualStatisticsOf1000Stations() =>
        Compute(await _store.QueryDailySeriesAsync(EvaluationScope.Station, null, FirstDay, LastDay, CancellationToken.None));

    /// <summary>The read alone: the year of 1,000 stations as series.</summary>
    [Benchmark]
    public async Task<int> ReadSeriesOnly() =>
        (await _store.QueryDailySeriesAsync(EvaluationScope.Station, null, FirstDay, LastDay, CancellationToken.None)).Count;

    /// <summary>Baseline: the same year read as 365,000 daily records (one row each), then grouped.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> ReadRecordsOnly() =>
        DailyAirSeries.GroupBySubject(
            await _store.QueryDailyAsync(EvaluationScope.Station, null, FirstDay, LastDay, CancellationToken.None), FirstDay, LastDay).Count;

    /// <summary>The statistics alone, from series already in memory.</summary>
    [Benchmark]
    public int ComputeOnly() => Compute(_loaded);

    private static int Compute(IReadOnlyList<DailyAirSeries> series) =>
        AirStatistics.ComputeEach(series).Count(s => s.IsCompliant is true);
}
