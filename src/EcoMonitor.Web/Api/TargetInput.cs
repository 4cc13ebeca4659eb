namespace EcoMonitor.Web.Api;

/// <summary>The body of setting a region's targets for a year; every target optional, at least one given.</summary>
/// <param name="Pm25">PM2.5 annual mean not to exceed, µg/m³ (above 0, at most 500).</param>
/// <param name="GoodDayRatio">Good-day ratio (优良天数比例) to reach, % (0..100).</param>
/// <param name="HeavyPollutionDays">Heavy-pollution days (重污染天数, daily AQI &gt; 200) not to exceed (0..366).</param>
/// <param name="GoodWaterShare">Share of surface-water sections of class I–III to reach, % (0..100).</param>
/// <param name="Sections">Target class (1..5 = I..V) for the year per surface-water section MN of the region; overrides the registry's class for that year.</param>
public sealed record TargetInput(decimal? Pm25, decimal? GoodDayRatio, int? HeavyPollutionDays, decimal? GoodWaterShare, Dictionary<string, int>? Sections);
