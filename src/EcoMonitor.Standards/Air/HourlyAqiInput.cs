namespace EcoMonitor.Standards.Air;

/// <summary>
/// The concentrations of one hour for the real-time (hourly) AQI, HJ 633-2012 clause 5. µg/m³, CO mg/m³;
/// null = not measured.
/// </summary>
/// <param name="So2">SO2 1-h.</param>
/// <param name="No2">NO2 1-h.</param>
/// <param name="Pm10">PM10 1-h (evaluated on the 24-h row, see <see cref="AqiCalculator.Hourly"/>).</param>
/// <param name="Pm25">PM2.5 1-h (evaluated on the 24-h row).</param>
/// <param name="Co">CO 1-h, mg/m³.</param>
/// <param name="O3">O3 1-h.</param>
/// <param name="So2Daily">SO2 24-h moving mean, used only when SO2 1-h exceeds 800 µg/m³ (Table 1 note 2).</param>
public readonly record struct HourlyAqiInput(
    decimal? So2, decimal? No2, decimal? Pm10, decimal? Pm25, decimal? Co, decimal? O3, decimal? So2Daily = null);
