using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// One alarm rule: what to watch (<see cref="Kind"/>), where (scope: station, station type, region; unset = any),
/// on which series (parameter and interval), and when it fires (limit, duration, count in a window). Immutable; an
/// alarm freezes the rule as it was when raised. Built and validated by <see cref="AlarmRuleReader"/>.
/// </summary>
public sealed record AlarmRule
{
    /// <summary>Stable id (letters, digits, '-', '_', '.'), unique among rules.</summary>
    public required string Id { get; init; }

    /// <summary>Operator-readable name, e.g. "烟气 SO2 超许可限值 3 小时".</summary>
    public required string Name { get; init; }

    /// <summary>The condition watched.</summary>
    public required AlarmRuleKind Kind { get; init; }

    /// <summary>Severity of the alarms this rule raises.</summary>
    public AlarmSeverity Severity { get; init; } = AlarmSeverity.Warning;

    /// <summary>Only this station (null: any).</summary>
    public StationId? Station { get; init; }

    /// <summary>Only stations of this type (null: any).</summary>
    public StationType? StationType { get; init; }

    /// <summary>Only stations in this region (a province or city code covers its divisions; null: any). For <see cref="AlarmRuleKind.Aqi"/>: the city.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>The parameter watched (required except for silence and AQI rules).</summary>
    public ParameterCode? Parameter { get; init; }

    /// <summary>The interval of the values watched (real-time, minute, hour, day).</summary>
    public ObservationInterval Interval { get; init; } = ObservationInterval.Hour;

    /// <summary>Where the limit comes from (exceedance rules).</summary>
    public LimitSource LimitSource { get; init; } = LimitSource.Fixed;

    /// <summary>The limit for <see cref="LimitSource.Fixed"/> and the AQI threshold; in the parameter's unit.</summary>
    public decimal? Limit { get; init; }

    /// <summary>Which side of the limit is bad.</summary>
    public LimitDirection Direction { get; init; } = LimitDirection.Above;

    /// <summary>Consecutive periods the condition must hold (1 = at once).</summary>
    public int Consecutive { get; init; } = 1;

    /// <summary>Count-in-window condition: at least <see cref="MinCount"/> hits in the last <see cref="WindowPeriods"/> periods (0 = off).</summary>
    public int WindowPeriods { get; init; }

    /// <summary>Hits needed within <see cref="WindowPeriods"/>.</summary>
    public int MinCount { get; init; }

    /// <summary>Rate of rise: the factor (2 = doubling).</summary>
    public decimal RiseFactor { get; init; } = 2m;

    /// <summary>Rate of rise: hours back to the value compared with.</summary>
    public int RiseHours { get; init; } = 4;

    /// <summary>Fault-flag rules: the flags that count (e.g. D fault, B communication error).</summary>
    public IReadOnlyList<string> FaultFlags { get; init; } = ["D", "B"];

    /// <summary>Silence rules: minutes without any data before the alarm. Security rules: minutes without a further burst before the alarm clears.</summary>
    public int SilentMinutes { get; init; } = 60;

    /// <summary>Notification channels (ids of <see cref="NotificationChannel"/>) alarms of this rule go to.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>False to keep the rule without evaluating it.</summary>
    public bool IsEnabled { get; init; } = true;

    /// <summary>Periods of history the evaluation of one value needs on each side.</summary>
    public int LookbackPeriods => Kind switch
    {
        AlarmRuleKind.RateOfRise => Math.Max(Consecutive, 1) + (RiseHours * PeriodsPerHour) + 1,
        _ => Math.Max(Math.Max(Consecutive, WindowPeriods), 1) + 1,
    };

    private int PeriodsPerHour => Interval switch
    {
        ObservationInterval.Minute => 60,
        ObservationInterval.RealTime => 60,
        _ => 1,
    };

    /// <summary>True when the rule applies to <paramref name="station"/> by its scope.</summary>
    public bool Covers(Station station)
    {
        ArgumentNullException.ThrowIfNull(station);
        return (Station is not { } id || id == station.Id)
            && (StationType is not { } type || type == station.Type)
            && (Region is not { } region || region.Contains(station.Region));
    }
}
