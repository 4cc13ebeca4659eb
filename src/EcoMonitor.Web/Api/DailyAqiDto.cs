using EcoMonitor.Application.Evaluation;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Web.Api;

/// <summary>
/// The daily values and daily AQI (HJ 633-2012) of a station or city for one day (00:00–24:00 CST). A daily value is
/// null when it is not valid per GB 3095-2012 Table 4 (24-h mean: ≥ 20 hours; O3 8-h: ≥ 14 valid windows).
/// </summary>
/// <param name="Day">The day, yyyy-MM-dd (CST).</param>
/// <param name="Aqi">Daily AQI of the valid values; null when none is valid.</param>
/// <param name="Level">AQI level 1..6.</param>
/// <param name="Category">Category, e.g. 优.</param>
/// <param name="IsValid">All seven daily values are valid.</param>
/// <param name="Primary">Primary pollutants (AQI &gt; 50 only).</param>
/// <param name="Exceeding">Pollutants whose IAQI exceeds 100.</param>
/// <param name="So2">SO2 24-h mean.</param>
/// <param name="No2">NO2 24-h mean.</param>
/// <param name="Pm10">PM10 24-h mean.</param>
/// <param name="Pm25">PM2.5 24-h mean.</param>
/// <param name="Co">CO 24-h mean, mg/m³.</param>
/// <param name="O3MaxHour">O3 maximum 1-h value.</param>
/// <param name="O3MaxEightHour">O3 daily maximum 8-h mean.</param>
public sealed record DailyAqiDto(
    string Day, int? Aqi, int? Level, string? Category, bool IsValid, string[] Primary, string[] Exceeding,
    decimal? So2, decimal? No2, decimal? Pm10, decimal? Pm25, decimal? Co, decimal? O3MaxHour, decimal? O3MaxEightHour)
{
    /// <summary>Maps a stored result.</summary>
    public static DailyAqiDto From(DailyAqiRecord r)
    {
        AqiCategory? category = r.Aqi is { } aqi ? AqiCategories.For(aqi) : null;
        return new(ApiTime.FormatDate(r.Day), r.Aqi, category?.Level, category?.Name, r.IsValid,
            HourlyAqiDto.Split(r.Primary), HourlyAqiDto.Split(r.Exceeding),
            r.So2, r.No2, r.Pm10, r.Pm25, r.Co, r.O3MaxHour, r.O3MaxEightHour);
    }
}
