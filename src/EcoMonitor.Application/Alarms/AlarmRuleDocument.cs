namespace EcoMonitor.Application.Alarms;

/// <summary>
/// A rule as written in <c>config/alarm-rules.json</c> and in the API (camelCase JSON, enums as camelCase names).
/// Checked and turned into an <see cref="AlarmRule"/> by <see cref="AlarmRuleReader"/>; see docs/alarms.md.
/// </summary>
public sealed class AlarmRuleDocument
{
    /// <summary>See <see cref="AlarmRule.Id"/>.</summary>
    public string? Id { get; set; }

    /// <summary>See <see cref="AlarmRule.Name"/>.</summary>
    public string? Name { get; set; }

    /// <summary>exceedance, rateOfRise, flatLine, faultFlag, silence, aqi.</summary>
    public string? Kind { get; set; }

    /// <summary>notice, warning, serious, critical (default warning).</summary>
    public string? Severity { get; set; }

    /// <summary>A station MN.</summary>
    public string? Station { get; set; }

    /// <summary>A station type as in the registry (e.g. flueGasOutlet, surfaceWater).</summary>
    public string? StationType { get; set; }

    /// <summary>A 6-digit region code.</summary>
    public string? Region { get; set; }

    /// <summary>An HJ 212-2017 parameter code.</summary>
    public string? Parameter { get; set; }

    /// <summary>realTime, minute, hour (default), day.</summary>
    public string? Interval { get; set; }

    /// <summary>fixed (default), permit, waterTargetClass, drinkingWaterSource, gb3095ClassII.</summary>
    public string? LimitSource { get; set; }

    /// <summary>See <see cref="AlarmRule.Limit"/>.</summary>
    public decimal? Limit { get; set; }

    /// <summary>above (default) or below.</summary>
    public string? Direction { get; set; }

    /// <summary>See <see cref="AlarmRule.Consecutive"/>.</summary>
    public int? Consecutive { get; set; }

    /// <summary>See <see cref="AlarmRule.WindowPeriods"/>.</summary>
    public int? WindowPeriods { get; set; }

    /// <summary>See <see cref="AlarmRule.MinCount"/>.</summary>
    public int? MinCount { get; set; }

    /// <summary>See <see cref="AlarmRule.RiseFactor"/>.</summary>
    public decimal? RiseFactor { get; set; }

    /// <summary>See <see cref="AlarmRule.RiseHours"/>.</summary>
    public int? RiseHours { get; set; }

    /// <summary>See <see cref="AlarmRule.FaultFlags"/>.</summary>
    public IReadOnlyList<string>? FaultFlags { get; set; }

    /// <summary>See <see cref="AlarmRule.SilentMinutes"/>.</summary>
    public int? SilentMinutes { get; set; }

    /// <summary>See <see cref="AlarmRule.Channels"/>.</summary>
    public IReadOnlyList<string>? Channels { get; set; }

    /// <summary>See <see cref="AlarmRule.IsEnabled"/> (default true).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The document of a rule (what the API returns and the store keeps).</summary>
    public static AlarmRuleDocument From(AlarmRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new AlarmRuleDocument
        {
            Id = rule.Id, Name = rule.Name, Kind = AlarmNames.Of(rule.Kind), Severity = AlarmNames.Of(rule.Severity),
            Station = rule.Station?.Value, StationType = rule.StationType is { } t ? AlarmNames.Of(t) : null,
            Region = rule.Region?.Value, Parameter = rule.Parameter?.Value, Interval = AlarmNames.Of(rule.Interval),
            LimitSource = AlarmNames.Of(rule.LimitSource), Limit = rule.Limit, Direction = AlarmNames.Of(rule.Direction),
            Consecutive = rule.Consecutive, WindowPeriods = rule.WindowPeriods, MinCount = rule.MinCount,
            RiseFactor = rule.RiseFactor, RiseHours = rule.RiseHours, FaultFlags = rule.FaultFlags,
            SilentMinutes = rule.SilentMinutes, Channels = rule.Channels, Enabled = rule.IsEnabled,
        };
    }
}
