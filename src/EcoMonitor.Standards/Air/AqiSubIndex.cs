namespace EcoMonitor.Standards.Air;

/// <summary>
/// The sub-indices of an AQI report (HJ 633-2012 clause 5): five pollutants, O3 1-h and, in the daily report,
/// O3 daily maximum 8-h.
/// </summary>
public enum AqiSubIndex
{
    /// <summary>SO2 (1-h in the real-time report, 24-h in the daily report).</summary>
    So2,

    /// <summary>NO2.</summary>
    No2,

    /// <summary>PM10.</summary>
    Pm10,

    /// <summary>PM2.5.</summary>
    Pm25,

    /// <summary>CO.</summary>
    Co,

    /// <summary>O3 1-h (real-time) or daily maximum 1-h (daily).</summary>
    O3,

    /// <summary>O3 daily maximum 8-h (daily only).</summary>
    O3EightHour,
}
