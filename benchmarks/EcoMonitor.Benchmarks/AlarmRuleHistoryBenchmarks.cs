using System.Globalization;
using BenchmarkDotNet.Attributes;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EcoMonitor.Benchmarks;

/// <summary>
/// Flat-line and rate-of-rise rules on a bulk import (issue 7): 20 water sections × 100 hours of NH3-N (w21003), normal
/// data (a slow random walk: no flat line, no doubling), already stored in a real SQLite file, with a flat-line rule
/// (4 equal hours) and a rise rule (doubling in 4 hours). One operation: one imported value through the pre-filter
/// (<see cref="AlarmMatcher.Collect"/>) and the engine's full evaluation of what it queued
/// (<see cref="AlarmEngine.ProcessAsync"/>: the store reads). <c>WithoutHistory</c> (baseline): every valid value is
/// a candidate of both rules, as before the recent history; <c>WithHistory</c>: the series' bounded recent history
/// (<see cref="RecentSeries"/>, new per invocation, filled by the import itself) sends only values whose neighbour
/// makes them a hit or is unknown.
/// </summary>
[MemoryDiagnoser]
public class AlarmRuleHistoryBenchmarks : IDisposable
{
    private const int Sections = 20;
    private const int Hours = 100;

    private string _directory = "";
    private ServiceProvider _services = null!;
    private AlarmEngine _engine = null!;
    private AlarmRuleSnapshot _snapshot = AlarmRuleSnapshot.Empty;
    private Station[] _stations = [];
    private Observation[] _observations = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ecomonitor-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        string rules = Path.Combine(_directory, "alarm-rules.json");
        File.WriteAllText(rules, """
            { "rules": [
              { "id": "nh3n-flat", "name": "氨氮平直", "kind": "flatLine", "stationType": "surfaceWater", "parameter": "w21003", "consecutive": 4 },
              { "id": "nh3n-rise", "name": "氨氮 4 小时翻倍", "kind": "rateOfRise", "stationType": "surfaceWater", "parameter": "w21003", "riseFactor": 2, "riseHours": 4 } ] }
            """);
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_directory, "bench.db"),
            ["Alarms:RulesFile"] = rules,
            ["Alarms:EvidenceFrames"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddSqliteStorage();
        services.AddSingleton<StationRegistry>();
        services.AddAlarms();
        _services = services.BuildServiceProvider();
        Run(_services.GetRequiredService<IStoreSchema>().MigrateAsync(CancellationToken.None));

        _stations = [.. Enumerable.Range(0, Sections).Select(i => new Station
        {
            Id = StationId.Parse(string.Create(CultureInfo.InvariantCulture, $"SW{i:D4}")), Name = "断面", Type = StationType.SurfaceWater,
            Region = RegionCode.Parse("510104"), Password = StationPassword.Plain("bench1").Hash(StationPassword.MinIterations),
        })];
        Run(_services.GetRequiredService<StationRegistry>().UpsertAsync(_stations, CancellationToken.None));
        var random = new Random(7);
        var observations = new List<Observation>();
        foreach (Station station in _stations)
        {
            decimal value = 0.50m;
            for (int h = 0; h < Hours; h++)
            {
                value = Math.Round(Math.Clamp(value + ((decimal)random.Next(-10, 11) / 100m), 0.30m, 0.90m), 2);
                value = h > 0 && value == observations[^1].Value ? value + 0.01m : value;
                observations.Add(new Observation
                {
                    Station = station.Id, Parameter = ParameterCode.Parse("w21003"), Interval = ObservationInterval.Hour,
                    PeriodStart = Instant.FromUtc(2026, 2, 28, 16, 0) + Duration.FromHours(h), Value = value, ReceivedAt = Instant.FromUtc(2026, 3, 10, 0, 0),
                });
            }
        }

        _observations = [.. observations];
        Run(_services.GetRequiredService<IObservationStore>().AppendAsync(_observations, CancellationToken.None));
        Run(_services.GetRequiredService<AlarmRuleSet>().LoadAsync(CancellationToken.None));
        _snapshot = _services.GetRequiredService<AlarmRuleSet>().Current;
        _engine = _services.GetRequiredService<AlarmEngine>();
        Run(_engine.LoadActiveAsync(CancellationToken.None));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    public void Dispose()
    {
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sections * Hours)]
    public Task<int> WithoutHistory() => ImportAsync(null);

    [Benchmark(OperationsPerInvoke = Sections * Hours)]
    public Task<int> WithHistory() => ImportAsync(new RecentSeries());

    private async Task<int> ImportAsync(RecentSeries? recent)
    {
        var items = new List<AlarmWorkItem>();
        var active = new ActiveAlarmSet();
        Station station = _stations[0];
        foreach (Observation o in _observations)
        {
            if (station.Id != o.Station)
            {
                station = Array.Find(_stations, s => s.Id == o.Station)!;
            }

            AlarmMatcher.Collect(o, station, _snapshot, active, items, recent);
        }

        await _engine.ProcessAsync(items, CancellationToken.None);
        return items.Count;
    }

    private static void Run(Task task) => task.GetAwaiter().GetResult();
}
