namespace EcoMonitor.Standards.Air;

/// <summary>
/// A row of HJ 633-2012 Table 1 (clause 4.1): the pollutant and averaging time whose concentration limits
/// (breakpoints) give an individual air quality index (IAQI). Units: µg/m³, CO in mg/m³.
/// </summary>
public enum IaqiTable
{
    /// <summary>SO2 24-hour average (JSON key <c>SO2_24h</c>).</summary>
    So2Daily,

    /// <summary>SO2 1-hour average (<c>SO2_1h</c>); real-time report only; no IAQI above 800 µg/m³ (Table 1 note 2).</summary>
    So2Hourly,

    /// <summary>NO2 24-hour average (<c>NO2_24h</c>).</summary>
    No2Daily,

    /// <summary>NO2 1-hour average (<c>NO2_1h</c>); real-time report only (Table 1 note 1).</summary>
    No2Hourly,

    /// <summary>PM10 24-hour average (<c>PM10_24h</c>).</summary>
    Pm10Daily,

    /// <summary>CO 24-hour average in mg/m³ (<c>CO_24h</c>).</summary>
    CoDaily,

    /// <summary>CO 1-hour average in mg/m³ (<c>CO_1h</c>); real-time report only (Table 1 note 1).</summary>
    CoHourly,

    /// <summary>O3 1-hour average (<c>O3_1h</c>); used by both the real-time and the daily report.</summary>
    O3Hourly,

    /// <summary>O3 8-hour moving average (<c>O3_8h</c>); no IAQI above 800 µg/m³ (Table 1 note 3).</summary>
    O3EightHour,

    /// <summary>PM2.5 24-hour average (<c>PM25_24h</c>).</summary>
    Pm25Daily,
}
