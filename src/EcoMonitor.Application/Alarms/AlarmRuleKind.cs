namespace EcoMonitor.Application.Alarms;

/// <summary>What condition a rule watches.</summary>
public enum AlarmRuleKind
{
    /// <summary>A value beyond a limit (fixed, the station's permit, the section's GB 3838 target class, GB 3095).</summary>
    Exceedance,

    /// <summary>A value at least <see cref="AlarmRule.RiseFactor"/> times the value <see cref="AlarmRule.RiseHours"/> earlier.</summary>
    RateOfRise,

    /// <summary>The same value for <see cref="AlarmRule.Consecutive"/> consecutive periods (a stuck analyser).</summary>
    FlatLine,

    /// <summary>A fault flag (e.g. D, B) for <see cref="AlarmRule.Consecutive"/> consecutive periods.</summary>
    FaultFlag,

    /// <summary>No data received from a station for <see cref="AlarmRule.SilentMinutes"/> minutes (checked on a timer).</summary>
    Silence,

    /// <summary>A city's hourly AQI above <see cref="AlarmRule.Limit"/> (heavy pollution: 200), checked on a timer.</summary>
    Aqi,

    /// <summary>
    /// A burst of credential failures — wrong station passwords, refused console sign-ins, wrong API keys — of one
    /// subject or from one address (<c>SecurityEvents:BurstThreshold</c> within <c>SecurityEvents:BurstWindow</c>),
    /// raised by the security event log; cleared when <see cref="AlarmRule.SilentMinutes"/> pass without a further burst.
    /// </summary>
    Security,
}
