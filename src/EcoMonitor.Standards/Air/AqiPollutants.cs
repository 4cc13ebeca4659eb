namespace EcoMonitor.Standards.Air;

/// <summary>
/// A set of AQI sub-indices (HJ 633-2012 clause 4.4 primary and exceeding pollutants), as flags so that a result
/// with tied primary pollutants needs no allocation.
/// </summary>
[Flags]
public enum AqiPollutants
{
    /// <summary>No pollutant.</summary>
    None = 0,

    /// <summary>SO2.</summary>
    So2 = 1 << AqiSubIndex.So2,

    /// <summary>NO2.</summary>
    No2 = 1 << AqiSubIndex.No2,

    /// <summary>PM10.</summary>
    Pm10 = 1 << AqiSubIndex.Pm10,

    /// <summary>PM2.5.</summary>
    Pm25 = 1 << AqiSubIndex.Pm25,

    /// <summary>CO.</summary>
    Co = 1 << AqiSubIndex.Co,

    /// <summary>O3 1-h (real-time report) or O3 daily maximum 1-h (daily report).</summary>
    O3 = 1 << AqiSubIndex.O3,

    /// <summary>O3 daily maximum 8-h (daily report only).</summary>
    O3EightHour = 1 << AqiSubIndex.O3EightHour,
}
