namespace EcoMonitor.Standards.Air;

/// <summary>
/// HJ 633-2012 clause 4.1, Table 1: IAQI breakpoints, transcribed from <c>hj633-2012-aqi.json</c>
/// (<c>iaqi_breakpoints</c>, confidence: confirmed). Column j of a row is the concentration limit BP whose IAQI is
/// <see cref="Levels"/>[j]; a row stops where the table has no further value ("—"), i.e. SO2 1-h at 800 µg/m³ and
/// O3 8-h at 800 µg/m³. Units µg/m³, CO mg/m³. A test compares this file with the JSON.
/// </summary>
public static class IaqiBreakpoints
{
    /// <summary>IAQI values of the table's columns (HJ 633-2012 Table 1, first row).</summary>
    public static readonly int[] Levels = [0, 50, 100, 150, 200, 300, 400, 500];

    /// <summary>Concentration limits per row, indexed by <see cref="IaqiTable"/>.</summary>
    public static readonly decimal[][] Rows =
    [
        [0m, 50m, 150m, 475m, 800m, 1600m, 2100m, 2620m],   // SO2_24h
        [0m, 150m, 500m, 650m, 800m],                       // SO2_1h
        [0m, 40m, 80m, 180m, 280m, 565m, 750m, 940m],       // NO2_24h
        [0m, 100m, 200m, 700m, 1200m, 2340m, 3090m, 3840m], // NO2_1h
        [0m, 50m, 150m, 250m, 350m, 420m, 500m, 600m],      // PM10_24h
        [0m, 2m, 4m, 14m, 24m, 36m, 48m, 60m],              // CO_24h
        [0m, 5m, 10m, 35m, 60m, 90m, 120m, 150m],           // CO_1h
        [0m, 160m, 200m, 300m, 400m, 800m, 1000m, 1200m],   // O3_1h
        [0m, 100m, 160m, 215m, 265m, 800m],                 // O3_8h
        [0m, 35m, 75m, 115m, 150m, 250m, 350m, 500m],       // PM25_24h
    ];

    /// <summary>The JSON key of a row (<c>SO2_24h</c>, …, <c>PM25_24h</c>), as used by <c>ecomon eval</c>.</summary>
    public static readonly string[] Keys =
        ["SO2_24h", "SO2_1h", "NO2_24h", "NO2_1h", "PM10_24h", "CO_24h", "CO_1h", "O3_1h", "O3_8h", "PM25_24h"];
}
