namespace EcoMonitor.Standards.Air;

/// <summary>
/// GB 3095-2012 Table 1 (basic items), transcribed from <c>gb3095-2012-ambient-air.json</c> <c>basic_items_table1</c>
/// (confidence: confirmed). A test compares this file with the JSON.
/// </summary>
public static class Gb3095Limits
{
    /// <summary>The 14 rows of Table 1.</summary>
    public static readonly Gb3095Limit[] Rows =
    [
        new(AirPollutant.So2, AirAveraging.Annual, 20m, 60m),
        new(AirPollutant.So2, AirAveraging.Daily, 50m, 150m),
        new(AirPollutant.So2, AirAveraging.Hourly, 150m, 500m),
        new(AirPollutant.No2, AirAveraging.Annual, 40m, 40m),
        new(AirPollutant.No2, AirAveraging.Daily, 80m, 80m),
        new(AirPollutant.No2, AirAveraging.Hourly, 200m, 200m),
        new(AirPollutant.Co, AirAveraging.Daily, 4m, 4m),
        new(AirPollutant.Co, AirAveraging.Hourly, 10m, 10m),
        new(AirPollutant.O3, AirAveraging.DailyMaxEightHour, 100m, 160m),
        new(AirPollutant.O3, AirAveraging.Hourly, 160m, 200m),
        new(AirPollutant.Pm10, AirAveraging.Annual, 40m, 70m),
        new(AirPollutant.Pm10, AirAveraging.Daily, 50m, 150m),
        new(AirPollutant.Pm25, AirAveraging.Annual, 15m, 35m),
        new(AirPollutant.Pm25, AirAveraging.Daily, 35m, 75m),
    ];

    /// <summary>The limit of a pollutant and averaging time, or null when Table 1 has none (e.g. CO annual).</summary>
    public static decimal? Find(AirPollutant pollutant, AirAveraging averaging, AirQualityClass zone)
    {
        foreach (Gb3095Limit row in Rows)
        {
            if (row.Pollutant == pollutant && row.Averaging == averaging)
            {
                return row.For(zone);
            }
        }

        return null;
    }
}
