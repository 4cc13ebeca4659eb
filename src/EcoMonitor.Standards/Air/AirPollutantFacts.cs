namespace EcoMonitor.Standards.Air;

/// <summary>
/// Reporting facts of the basic items, HJ 663-2013 clause 6 (<c>hj663-2013-air-assessment.json</c>
/// <c>rounding.decimals</c>, recalled): integers for µg/m³ items, one decimal for CO (mg/m³).
/// </summary>
public static class AirPollutantFacts
{
    private static readonly int[] DecimalsByPollutant = [0, 0, 0, 0, 1, 0];

    private static readonly string[] Names = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3"];

    /// <summary>Decimals a reported concentration keeps.</summary>
    public static int Decimals(AirPollutant pollutant) => DecimalsByPollutant[(int)pollutant];

    /// <summary>The name used in reports and by <c>ecomon eval</c>: SO2, NO2, PM10, PM2.5, CO, O3.</summary>
    public static string Name(AirPollutant pollutant) => Names[(int)pollutant];

    /// <summary>Parses a name of <see cref="Name"/> (ordinal, also <c>PM25</c>).</summary>
    public static bool TryParse(string? name, out AirPollutant pollutant)
    {
        int index = Array.IndexOf(Names, name == "PM25" ? "PM2.5" : name);
        pollutant = (AirPollutant)Math.Max(index, 0);
        return index >= 0;
    }
}
