namespace EcoMonitor.Standards.Air;

/// <summary>One row of GB 3095-2012 Table 1: a concentration limit per class (µg/m³, CO mg/m³).</summary>
/// <param name="Pollutant">The basic item.</param>
/// <param name="Averaging">Averaging time.</param>
/// <param name="Class1">Class 1 limit.</param>
/// <param name="Class2">Class 2 limit.</param>
public sealed record Gb3095Limit(AirPollutant Pollutant, AirAveraging Averaging, decimal Class1, decimal Class2)
{
    /// <summary>The limit for a zone class.</summary>
    public decimal For(AirQualityClass zone) => zone == AirQualityClass.Class1 ? Class1 : Class2;
}
