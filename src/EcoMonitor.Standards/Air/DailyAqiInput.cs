namespace EcoMonitor.Standards.Air;

/// <summary>
/// The values of one natural day for the daily AQI, HJ 633-2012 clause 5: five 24-h means, the O3 daily maximum
/// 1-h and the O3 daily maximum 8-h. µg/m³, CO mg/m³; null = not available.
/// </summary>
/// <param name="So2">SO2 24-h mean.</param>
/// <param name="No2">NO2 24-h mean.</param>
/// <param name="Pm10">PM10 24-h mean.</param>
/// <param name="Pm25">PM2.5 24-h mean.</param>
/// <param name="Co">CO 24-h mean, mg/m³.</param>
/// <param name="O3MaxHour">O3 daily maximum 1-h.</param>
/// <param name="O3MaxEightHour">O3 daily maximum 8-h moving mean.</param>
public readonly record struct DailyAqiInput(
    decimal? So2, decimal? No2, decimal? Pm10, decimal? Pm25, decimal? Co, decimal? O3MaxHour, decimal? O3MaxEightHour);
