using BenchmarkDotNet.Attributes;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Benchmarks;

/// <summary>
/// Rule evaluation cost per observation with 10,000 rules loaded (issue 7: under 1 µs on average). A province: 2,000
/// flue-gas outlets with 5 rules each scoped to the outlet (SO2, NOx, dust permit limits hourly; SO2 3-hour; SO2
/// minute count-in-window), minus 50 replaced by type- and region-wide rules — 10,000 rules. One operation: one
/// committed observation through <see cref="AlarmMatcher.Collect"/> (station lookup, cached rule match with resolved limits, hit test) —
/// what the ingest path pays. 1,000 observations of random outlets and parameters (hour and minute values, some of
/// parameters without rules), 1 % above the permit limit. Baseline: the same judgement by scanning all rules per
/// observation (no index). <c>NoRules</c>: the fixed cost with an empty rule set.
/// </summary>
[MemoryDiagnoser]
public class AlarmRuleBenchmarks
{
    private const int Outlets = 2_000;
    private const int Observations = 1_000;
    private static readonly string[] Parameters = ["a21026", "a21002", "a34013", "a01012", "a01011"];

    private readonly List<AlarmWorkItem> _output = new(64);
    private Dictionary<StationId, Station> _stations = [];
    private AlarmRuleSnapshot _snapshot = AlarmRuleSnapshot.Empty;
    private AlarmRule[] _all = [];
    private Observation[] _observations = [];
    private readonly ActiveAlarmSet _active = new();

    /// <summary>Number of rules loaded.</summary>
    public int RuleCount => _all.Length;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        List<AlarmRule> rules = [];
        List<PermitLimit> permits = [];
        var stations = new Station[Outlets];
        for (int i = 0; i < Outlets; i++)
        {
            var id = StationId.Parse($"OUT{i:D5}");
            stations[i] = new Station
            {
                Id = id, Name = $"排口 {i}", Type = StationType.FlueGasOutlet, Region = RegionCode.Parse($"5101{i % 20:D2}"), Password = StationPassword.Plain("bench1"),
            };
            foreach (string code in Parameters[..3])
            {
                permits.Add(new PermitLimit(id, ParameterCode.Parse(code), 50m, "P"));
                rules.Add(Rule($"{id}-{code}", id, code, ObservationInterval.Hour, 1, 0));
            }

            rules.Add(Rule($"{id}-so2-3h", id, "a21026", ObservationInterval.Hour, 3, 0));
            rules.Add(Rule($"{id}-so2-min", id, "a21026", ObservationInterval.Minute, 1, 60));
        }

        rules.RemoveRange(rules.Count - 50, 50);
        for (int i = 0; i < 50; i++)
        {
            rules.Add(new AlarmRule
            {
                Id = $"wide-{i}", Name = "wide", Kind = AlarmRuleKind.Exceedance, StationType = StationType.FlueGasOutlet,
                Region = RegionCode.Parse($"5101{i % 20:D2}"), Parameter = ParameterCode.Parse(Parameters[i % Parameters.Length]), Limit = 400m,
            });
        }

        _all = [.. rules];
        _snapshot = new AlarmRuleSnapshot(rules, new Dictionary<string, NotificationChannel>(), permits);
        _stations = stations.ToDictionary(s => s.Id);
        _observations = new Observation[Observations];
        for (int i = 0; i < Observations; i++)
        {
            Station station = stations[random.Next(Outlets)];
            _observations[i] = new Observation
            {
                Station = station.Id, Parameter = ParameterCode.Parse(Parameters[random.Next(Parameters.Length)]),
                Interval = random.Next(4) == 0 ? ObservationInterval.Minute : ObservationInterval.Hour,
                PeriodStart = Instant.FromUtc(2026, 3, 1, 0, 0) + Duration.FromHours(i), Value = random.Next(100) == 0 ? 80m : 20m,
                ReceivedAt = Instant.FromUtc(2026, 3, 1, 0, 0),
            };
        }

        // Warm the per-series match cache, as a running server has.
        Indexed();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Observations)]
    public int ScanAllRules()
    {
        int found = 0;
        foreach (Observation o in _observations)
        {
            Station station = _stations[o.Station];
            IReadOnlyDictionary<ParameterCode, decimal>? permits = _snapshot.PermitsOf(station.Id);
            foreach (AlarmRule rule in _all)
            {
                if (rule.Parameter == o.Parameter && rule.Interval == o.Interval && rule.Covers(station)
                    && AlarmEvaluator.IsHit(rule, AlarmLimits.Resolve(rule, station, permits), o.Value, o.Flag))
                {
                    found++;
                }
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Observations)]
    public int Indexed()
    {
        _output.Clear();
        int found = 0;
        foreach (Observation o in _observations)
        {
            found += AlarmMatcher.Collect(o, _stations[o.Station], _snapshot, _active, _output);
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Observations)]
    public int NoRules()
    {
        _output.Clear();
        int found = 0;
        foreach (Observation o in _observations)
        {
            found += AlarmMatcher.Collect(o, _stations[o.Station], AlarmRuleSnapshot.Empty, _active, _output);
        }

        return found;
    }

    private static AlarmRule Rule(string id, StationId station, string code, ObservationInterval interval, int consecutive, int window) => new()
    {
        Id = id, Name = id, Kind = AlarmRuleKind.Exceedance, Station = station, Parameter = ParameterCode.Parse(code), Interval = interval,
        LimitSource = LimitSource.Permit, Consecutive = consecutive, WindowPeriods = window, MinCount = window == 0 ? 0 : 30,
    };
}
