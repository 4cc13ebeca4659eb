using System.Globalization;
using BenchmarkDotNet.Attributes;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Targets;
using EcoMonitor.Domain;
using EcoMonitor.Reports;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Benchmarks;

/// <summary>
/// The monthly province air-quality report (issue 16: under 10 s) over a real SQLite store: 200 air-quality stations in
/// 20 cities of one province, the stored daily results of every station and city for the month and the same month a
/// year before; one operation builds the report (statistics of the 20 cities for both months, the ranking — from a
/// fresh, empty statistics cache) and renders it as DOCX, XLSX and PDF with its chart.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MedianColumn]
public class MonthlyReportBenchmarks : IDisposable
{
    private const int Cities = 20;
    private const int StationsPerCity = 10;
    private static readonly RegionCode Province = RegionCode.Parse("510000");
    private static readonly YearMonth Month = new(2025, 12);

    private string _directory = "";
    private SqliteDatabase _database = null!;
    private SqliteEvaluationStore _evaluations = null!;
    private ReportUnits _units = null!;
    private ChartRenderer _charts = null!;
    private PdfRenderer _pdf = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ecomonitor-bench", Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = Path.Combine(_directory, "bench.db") }), TimeProvider.System, NullLogger<SqliteDatabase>.Instance);
        new SqliteStoreSchema(_database, NullLogger<SqliteStoreSchema>.Instance).MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        _evaluations = new SqliteEvaluationStore(_database);
        var stations = new SqliteStationStore(_database);
        string[] cities = [.. RegionCatalogCities().Take(Cities)];
        var random = new Random(2025);
        List<Station> network = [];
        List<DailyAqiRecord> days = [];
        foreach (string city in cities)
        {
            for (int s = 0; s < StationsPerCity; s++)
            {
                var id = StationId.Parse(string.Create(CultureInfo.InvariantCulture, $"R{city}{s:D2}"));
                network.Add(new Station { Id = id, Name = id.Value, Type = StationType.AirQuality, Region = RegionCode.Parse(city), Password = StationPassword.Plain("123456").Hash(StationPassword.MinIterations) });
                AddMonth(days, EvaluationSubject.Of(id), random);
            }

            AddMonth(days, EvaluationSubject.Of(RegionCode.Parse(city)), random);
        }

        stations.UpsertAsync(network, CancellationToken.None).GetAwaiter().GetResult();
        _evaluations.SaveDailyAsync(days, CancellationToken.None).GetAwaiter().GetResult();
        _units = new ReportUnits(stations, RegionCatalog.Shipped);
        _charts = new ChartRenderer(new ReportOptions().ChartFontFamily);
        _pdf = new PdfRenderer(new ReportOptions().PdfFontFile);
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

    /// <summary>Builds the report of 20 cities (200 stations) and renders DOCX, XLSX and PDF; the total bytes.</summary>
    [Benchmark]
    public async Task<long> MonthlyProvinceReportInThreeFormats()
    {
        ReportDocument document = await NewBuilder().BuildAsync(Province, Month, CancellationToken.None);
        return DocxRenderer.Render(document).LongLength + XlsxRenderer.Render(document).LongLength + _pdf.Render(document).LongLength;
    }

    /// <summary>
    /// What the schedule's revision check spends on one archived monthly report (ADR 0038 decision 5): the document built
    /// again from a fresh statistics cache (with its chart image) and its data hash — no DOCX, XLSX or PDF.
    /// </summary>
    [Benchmark]
    public async Task<string> MonthlyProvinceReportRebuiltForRevisionCheck()
    {
        return (await NewBuilder().BuildAsync(Province, Month, CancellationToken.None)).DataHash();
    }

    /// <summary>A builder over a fresh statistics cache, as a report generation or a revision check starts with.</summary>
    private MonthlyAirReportBuilder NewBuilder()
    {
        var statistics = new AirStatisticsService(_evaluations, new SqliteDustDayStore(_database));
        var targets = new TargetProgressService(new SqliteTargetStore(_database), statistics, _evaluations, new SqliteStationStore(_database), TimeProvider.System);
        return new MonthlyAirReportBuilder(statistics, _units, _charts, targets);
    }

    private static IEnumerable<string> RegionCatalogCities()
    {
        for (int c = 1; c <= 40; c++)
        {
            var code = RegionCode.Parse(string.Create(CultureInfo.InvariantCulture, $"51{c:D2}00"));
            if (RegionCatalog.Shipped.NameOf(code) is not null)
            {
                yield return code.Value;
            }
        }
    }

    private static void AddMonth(List<DailyAqiRecord> days, EvaluationSubject subject, Random random)
    {
        foreach (YearMonth month in new[] { Month.PlusMonths(-12), Month })
        {
            for (int d = 1; d <= 31; d++)
            {
                int aqi = random.Next(20, 220);
                days.Add(new DailyAqiRecord
                {
                    Subject = subject, Day = month.OnDayOfMonth(d), So2 = random.Next(3, 40), No2 = random.Next(10, 90), Pm10 = random.Next(20, 250),
                    Pm25 = random.Next(5, 200), Co = random.Next(3, 30) / 10m, O3MaxHour = random.Next(20, 260), O3MaxEightHour = random.Next(15, 220),
                    IsValid = true, Aqi = aqi, Primary = aqi > 50 ? "PM2.5" : "",
                });
            }
        }
    }
}
