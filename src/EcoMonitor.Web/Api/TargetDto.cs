using EcoMonitor.Application.Targets;

namespace EcoMonitor.Web.Api;

/// <summary>A region's targets for a year (考核目标); who set them is in the audit trail.</summary>
/// <param name="Region">The region's code (province, city or county).</param>
/// <param name="Year">The year.</param>
/// <param name="Pm25">PM2.5 annual mean not to exceed, µg/m³; null when not set.</param>
/// <param name="GoodDayRatio">Good-day ratio to reach, %; null when not set.</param>
/// <param name="HeavyPollutionDays">Heavy-pollution days (AQI &gt; 200) not to exceed; null when not set.</param>
/// <param name="GoodWaterShare">Share of sections of class I–III to reach, %; null when not set.</param>
/// <param name="Sections">Target class (1..5) for the year per section MN.</param>
/// <param name="SetAt">When they were set or last changed (ISO 8601, +08:00).</param>
public sealed record TargetDto(
    string Region, int Year, decimal? Pm25, decimal? GoodDayRatio, int? HeavyPollutionDays, decimal? GoodWaterShare,
    IReadOnlyDictionary<string, int> Sections, string SetAt)
{
    /// <summary>Maps one region's targets.</summary>
    public static TargetDto From(RegionTargets t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Region.Value, t.Year, t.Pm25, t.GoodDayRatio, t.HeavyPollutionDays, t.GoodWaterShare,
            t.SectionClasses.ToDictionary(s => s.Section.Value, s => s.Class, StringComparer.Ordinal), ApiTime.Format(t.SetAt));
    }
}
