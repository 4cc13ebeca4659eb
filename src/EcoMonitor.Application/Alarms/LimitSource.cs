namespace EcoMonitor.Application.Alarms;

/// <summary>Where an exceedance rule takes its limit from.</summary>
public enum LimitSource
{
    /// <summary><see cref="AlarmRule.Limit"/> itself.</summary>
    Fixed,

    /// <summary>The station's discharge permit (排污许可) limit of the parameter (<see cref="IPermitLimitStore"/>).</summary>
    Permit,

    /// <summary>GB 3838-2002 Table 1 limit of the section's water target class (<see cref="Domain.Station.WaterTargetClass"/>).</summary>
    WaterTargetClass,

    /// <summary>
    /// For a drinking-water source (<see cref="Domain.Station.IsDrinkingWaterSource"/>): GB 3838-2002 Table 2 limits of the
    /// supplementary items, Table 1 class III (or the section's stricter target class) of the basic items; no limit at
    /// other stations (<see cref="AlarmLimits.DrinkingSourceLimit"/>).
    /// </summary>
    DrinkingWaterSource,

    /// <summary>GB 3095-2012 Table 1 class II (二级) limit of the parameter for the rule's interval (hour or day).</summary>
    Gb3095ClassII,
}
