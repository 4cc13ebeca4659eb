using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Web.Api.Portal;

/// <summary>A station's current hourly AQI (HJ 633-2012) for the map; the AQI fields are null when it has none.</summary>
/// <param name="Mn">HJ 212 MN.</param>
/// <param name="Name">Display name.</param>
/// <param name="Region">6-digit region code.</param>
/// <param name="City">The city (prefecture) region code.</param>
/// <param name="Longitude">WGS-84 longitude, when known.</param>
/// <param name="Latitude">WGS-84 latitude, when known.</param>
/// <param name="HourStart">Start of the hour of the value, ISO 8601 at +08:00 (ADR 0002).</param>
/// <param name="Aqi">AQI.</param>
/// <param name="Level">AQI level 1..6 (HJ 633-2012 Table 2).</param>
/// <param name="Category">Category, e.g. 良.</param>
/// <param name="Primary">Primary pollutants (AQI &gt; 50 only).</param>
/// <param name="Pm25">PM2.5 1-h, µg/m³.</param>
public sealed record CurrentStationAqiDto(
    string Mn, string Name, string Region, string City, double? Longitude, double? Latitude,
    string? HourStart, int? Aqi, int? Level, string? Category, string[] Primary, decimal? Pm25)
{
    /// <summary>Joins a registry station with its latest hourly result, if any.</summary>
    public static CurrentStationAqiDto From(Station s, HourlyAqiRecord? r)
    {
        AqiCategory? category = r?.Aqi is { } aqi ? AqiCategories.For(aqi) : null;
        return new(s.Id.Value, s.Name, s.Region.Value, s.Region.Prefecture.Value, s.Location?.Longitude, s.Location?.Latitude,
            r is null ? null : ApiTime.Format(r.HourStart), r?.Aqi, category?.Level, category?.Name,
            r is null ? [] : HourlyAqiDto.Split(r.Primary), r?.Pm25);
    }
}
