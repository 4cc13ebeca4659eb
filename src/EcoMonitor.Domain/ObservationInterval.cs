namespace EcoMonitor.Domain;

/// <summary>
/// The kind of period an observation covers, as HJ 212 data commands name them: real-time (2011), minute (2051),
/// hour (2061) and day (2031).
/// </summary>
public enum ObservationInterval
{
    /// <summary>实时数据: an instantaneous reading (CN 2011); its period start is the sampling time.</summary>
    RealTime,
    /// <summary>分钟数据: a minute-interval statistic (CN 2051, usually 1, 5 or 10 minutes).</summary>
    Minute,
    /// <summary>小时数据: an hour statistic (CN 2061), period [start, start + 1 h).</summary>
    Hour,
    /// <summary>日数据: a day statistic (CN 2031), period a CST calendar day.</summary>
    Day,
}
