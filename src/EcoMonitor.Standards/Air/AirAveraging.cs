namespace EcoMonitor.Standards.Air;

/// <summary>Averaging times of GB 3095-2012 Table 1.</summary>
public enum AirAveraging
{
    /// <summary>Calendar-year mean.</summary>
    Annual,

    /// <summary>24-hour mean.</summary>
    Daily,

    /// <summary>1-hour mean.</summary>
    Hourly,

    /// <summary>Daily maximum 8-hour mean (O3).</summary>
    DailyMaxEightHour,
}
