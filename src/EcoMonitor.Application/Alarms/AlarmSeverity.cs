namespace EcoMonitor.Application.Alarms;

/// <summary>How serious an alarm is (一般 / 较重 / 严重 / 特别严重). Ordered: a channel's minimum compares by value.</summary>
public enum AlarmSeverity
{
    /// <summary>一般: a warning worth looking at (e.g. a rising trend, a flat line).</summary>
    Notice = 1,

    /// <summary>较重: a limit exceeded once or a station silent.</summary>
    Warning = 2,

    /// <summary>严重: a sustained exceedance (e.g. 3 consecutive hours) or heavy pollution.</summary>
    Serious = 3,

    /// <summary>特别严重: notified even in quiet hours.</summary>
    Critical = 4,
}
