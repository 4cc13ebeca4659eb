using EcoMonitor.Application.Evaluation;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Web.Api.Portal;

/// <summary>A city's place in the ranking by current hourly AQI (ascending; equal AQIs share a rank).</summary>
/// <param name="Rank">Rank, 1 = best; null when the city has no AQI.</param>
/// <param name="City">The city's 6-digit region code.</param>
/// <param name="Stations">Number of its registered air-quality stations.</param>
/// <param name="HourStart">Start of the hour, ISO 8601 at +08:00 (ADR 0002).</param>
/// <param name="Aqi">AQI.</param>
/// <param name="Level">AQI level 1..6.</param>
/// <param name="Category">Category, e.g. 轻度污染.</param>
/// <param name="Primary">Primary pollutants (AQI &gt; 50 only).</param>
/// <param name="Pm25">PM2.5 1-h mean of its stations, µg/m³.</param>
/// <param name="Pm10">PM10 1-h mean, µg/m³.</param>
/// <param name="O3">O3 1-h mean, µg/m³.</param>
public sealed record CurrentCityAqiDto(
    int? Rank, string City, int Stations, string HourStart, int? Aqi, int? Level, string? Category, string[] Primary,
    decimal? Pm25, decimal? Pm10, decimal? O3)
{
    /// <summary>Maps one ranked city.</summary>
    public static CurrentCityAqiDto From(int? rank, HourlyAqiRecord r, int stations)
    {
        AqiCategory? category = r.Aqi is { } aqi ? AqiCategories.For(aqi) : null;
        return new(rank, r.Subject.Code, stations, ApiTime.Format(r.HourStart), r.Aqi, category?.Level, category?.Name,
            HourlyAqiDto.Split(r.Primary), r.Pm25, r.Pm10, r.O3);
    }
}
