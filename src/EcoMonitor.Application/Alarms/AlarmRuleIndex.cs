using System.Collections.Concurrent;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The enabled rules indexed for cheap matching per observation: by (parameter, interval), then by station scope,
/// with the rules matching one (station, parameter, interval) cached after the first lookup. Immutable except for
/// that cache (a <see cref="ConcurrentDictionary{TKey, TValue}"/>, safe to use from any thread); a change of rules
/// builds a new index (so does a change of permit limits: the cache holds each rule's resolved limit). A cached entry
/// belongs to one <see cref="Station"/> instance (the registry replaces the instance when a station changes) and is
/// recomputed for another.
/// </summary>
public sealed class AlarmRuleIndex
{
    private readonly Dictionary<(ParameterCode, ObservationInterval), AlarmRule[]> _byParameter = [];
    private readonly Dictionary<ObservationInterval, AlarmRule[]> _anyParameter = [];
    private readonly ConcurrentDictionary<SeriesKey, CachedMatch> _cache = new();
    private readonly Func<StationId, IReadOnlyDictionary<ParameterCode, decimal>?> _permits;

    /// <summary>Indexes <paramref name="rules"/> (disabled ones are left out); <paramref name="permits"/> gives a station's permit limits.</summary>
    public AlarmRuleIndex(IEnumerable<AlarmRule> rules, Func<StationId, IReadOnlyDictionary<ParameterCode, decimal>?>? permits = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _permits = permits ?? (_ => null);
        var all = rules.Where(r => r.IsEnabled).ToArray();
        Rules = all;
        foreach (var group in all.Where(IsSeriesRule).Where(r => r.Parameter is not null).GroupBy(r => (r.Parameter!.Value, r.Interval)))
        {
            _byParameter[group.Key] = [.. group];
        }

        foreach (var group in all.Where(IsSeriesRule).Where(r => r.Parameter is null).GroupBy(r => r.Interval))
        {
            _anyParameter[group.Key] = [.. group];
        }

        TimerRules = [.. all.Where(r => !IsSeriesRule(r))];
    }

    /// <summary>An index without rules.</summary>
    public static AlarmRuleIndex Empty { get; } = new([]);

    /// <summary>Every enabled rule.</summary>
    public IReadOnlyList<AlarmRule> Rules { get; }

    /// <summary>Rules evaluated on a timer (silence, AQI) or by events (security), not per observation.</summary>
    public IReadOnlyList<AlarmRule> TimerRules { get; }

    /// <summary>True for rules evaluated on arriving values.</summary>
    public static bool IsSeriesRule(AlarmRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Kind is not (AlarmRuleKind.Silence or AlarmRuleKind.Aqi or AlarmRuleKind.Security);
    }

    /// <summary>The enabled series rules that apply to values of <paramref name="parameter"/> at <paramref name="interval"/> from <paramref name="station"/>.</summary>
    public AlarmRule[] Match(Station station, ParameterCode parameter, ObservationInterval interval) =>
        MatchSeries(station, parameter, interval).Rules;

    /// <summary>
    /// The enabled series rules of the series with each rule's limit at <paramref name="station"/> (same order), or
    /// empty arrays. The arrays are shared: do not change them.
    /// </summary>
    public SeriesRules MatchSeries(Station station, ParameterCode parameter, ObservationInterval interval)
    {
        ArgumentNullException.ThrowIfNull(station);
        var key = new SeriesKey(station.Id, parameter, interval);
        if (_cache.TryGetValue(key, out CachedMatch cached) && ReferenceEquals(cached.Station, station))
        {
            return cached.Series;
        }

        AlarmRule[] rules = Compute(station, parameter, interval);
        decimal?[] limits = new decimal?[rules.Length];
        IReadOnlyDictionary<ParameterCode, decimal>? permits = rules.Length == 0 ? null : _permits(station.Id);
        int history = 0;
        for (int i = 0; i < rules.Length; i++)
        {
            limits[i] = AlarmLimits.Resolve(rules[i], station, permits);
            history = Math.Max(history, AlarmMatcher.HistoryPeriods(rules[i]));
        }

        var series = new SeriesRules(rules, limits, history);
        _cache[key] = new CachedMatch(station, series);
        return series;
    }

    private AlarmRule[] Compute(Station station, ParameterCode parameter, ObservationInterval interval)
    {
        List<AlarmRule>? matched = null;
        if (_byParameter.TryGetValue((parameter, interval), out AlarmRule[]? candidates))
        {
            foreach (AlarmRule rule in candidates)
            {
                if (rule.Covers(station))
                {
                    (matched ??= []).Add(rule);
                }
            }
        }

        if (_anyParameter.TryGetValue(interval, out AlarmRule[]? general))
        {
            foreach (AlarmRule rule in general)
            {
                if (rule.Covers(station))
                {
                    (matched ??= []).Add(rule);
                }
            }
        }

        return matched is null ? [] : [.. matched];
    }

    private readonly record struct SeriesKey(StationId Station, ParameterCode Parameter, ObservationInterval Interval);

    private readonly record struct CachedMatch(Station Station, SeriesRules Series);
}
