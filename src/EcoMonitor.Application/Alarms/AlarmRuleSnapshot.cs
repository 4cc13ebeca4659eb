using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>One immutable state of the alarm configuration: the rule index, every rule by id, channels and permit limits.</summary>
public sealed class AlarmRuleSnapshot
{
    private readonly Dictionary<StationId, Dictionary<ParameterCode, decimal>> _permits = [];
    private readonly Dictionary<(StationId, ParameterCode), PermitLimit> _permitEntries = [];

    /// <summary>Builds a snapshot.</summary>
    public AlarmRuleSnapshot(IReadOnlyList<AlarmRule> allRules, IReadOnlyDictionary<string, NotificationChannel> channels, IReadOnlyList<PermitLimit> permits)
    {
        ArgumentNullException.ThrowIfNull(allRules);
        ArgumentNullException.ThrowIfNull(permits);
        Index = new AlarmRuleIndex(allRules, PermitsOf);
        AllRules = allRules;
        Channels = channels;
        RulesById = allRules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (PermitLimit permit in permits)
        {
            if (!_permits.TryGetValue(permit.Station, out Dictionary<ParameterCode, decimal>? limits))
            {
                _permits[permit.Station] = limits = [];
            }

            limits[permit.Parameter] = permit.Limit;
            _permitEntries[(permit.Station, permit.Parameter)] = permit;
        }

        PermitCount = permits.Count;
    }

    /// <summary>No rules, channels or permits.</summary>
    public static AlarmRuleSnapshot Empty { get; } = new([], new Dictionary<string, NotificationChannel>(), []);

    /// <summary>The enabled rules, indexed.</summary>
    public AlarmRuleIndex Index { get; }

    /// <summary>Every rule (enabled or not), by id order of the store.</summary>
    public IReadOnlyList<AlarmRule> AllRules { get; }

    /// <summary>Every rule by id.</summary>
    public IReadOnlyDictionary<string, AlarmRule> RulesById { get; }

    /// <summary>Channels by id.</summary>
    public IReadOnlyDictionary<string, NotificationChannel> Channels { get; }

    /// <summary>Number of permit limits.</summary>
    public int PermitCount { get; }

    /// <summary>The permit limits of a station by parameter, or null.</summary>
    public IReadOnlyDictionary<ParameterCode, decimal>? PermitsOf(StationId station) =>
        _permits.TryGetValue(station, out Dictionary<ParameterCode, decimal>? limits) ? limits : null;

    /// <summary>Every permit entry of a station (empty when it has none).</summary>
    public IReadOnlyList<PermitLimit> PermitsOfStation(StationId station) =>
        [.. _permitEntries.Values.Where(p => p.Station == station)];

    /// <summary>The permit entry of a station and parameter, or null.</summary>
    public PermitLimit? Permit(StationId station, ParameterCode parameter) =>
        _permitEntries.TryGetValue((station, parameter), out PermitLimit? permit) ? permit : null;
}
