using EcoMonitor.Application.Evaluation;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Web.Api;

/// <summary>
/// The hourly AQI of a station or city (HJ 633-2012) for the hour starting at <see cref="HourStart"/> (ADR 0002), with
/// the concentrations it was computed from (µg/m³, CO mg/m³; a city's are the means of its stations').
/// </summary>
/// <param name="HourStart">Start of the hour, ISO 8601 at +08:00.</param>
/// <param name="Aqi">AQI; null when no pollutant had a valid value.</param>
/// <param name="Level">AQI level 1..6 (HJ 633-2012 Table 2).</param>
/// <param name="Category">Category, e.g. 良, 轻度污染.</param>
/// <param name="Primary">Primary pollutants (AQI &gt; 50 only): SO2, NO2, PM10, PM2.5, CO, O3, O3_8h.</param>
/// <param name="Exceeding">Pollutants whose IAQI exceeds 100.</param>
/// <param name="So2">SO2.</param>
/// <param name="No2">NO2.</param>
/// <param name="Pm10">PM10.</param>
/// <param name="Pm25">PM2.5.</param>
/// <param name="Co">CO, mg/m³.</param>
/// <param name="O3">O3 1-h.</param>
public sealed record HourlyAqiDto(
    string HourStart, int? Aqi, int? Level, string? Category, string[] Primary, string[] Exceeding,
    decimal? So2, decimal? No2, decimal? Pm10, decimal? Pm25, decimal? Co, decimal? O3)
{
    /// <summary>Maps a stored result.</summary>
    public static HourlyAqiDto From(HourlyAqiRecord r)
    {
        AqiCategory? category = r.Aqi is { } aqi ? AqiCategories.For(aqi) : null;
        return new(ApiTime.Format(r.HourStart), r.Aqi, category?.Level, category?.Name, Split(r.Primary), Split(r.Exceeding),
            r.So2, r.No2, r.Pm10, r.Pm25, r.Co, r.O3);
    }

    internal static string[] Split(string names) => names.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
