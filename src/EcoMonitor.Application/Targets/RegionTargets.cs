using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Targets;

/// <summary>
/// A region's assessment targets (考核目标) for one year (docs/standards.md "Assessment targets", ADR 0040). Every measure is
/// optional (a region may be assessed on some only); a section's class listed in <see cref="SectionClasses"/> overrides
/// the registry's <c>WaterTargetClass</c> of that section for <see cref="Year"/>.
/// </summary>
/// <param name="Region">A province, city or county code.</param>
/// <param name="Year">The calendar year (China Standard Time).</param>
/// <param name="Pm25">The PM2.5 annual mean not to exceed, µg/m³.</param>
/// <param name="GoodDayRatio">The good-day ratio (优良天数比例) to reach, %.</param>
/// <param name="HeavyPollutionDays">The heavy-pollution days (重污染天数, daily AQI &gt; 200) not to exceed.</param>
/// <param name="GoodWaterShare">The share of surface-water sections of class I–III to reach, %.</param>
/// <param name="SectionClasses">Target class (1..5 = I..V) per section of the region for the year; ordered by MN.</param>
/// <param name="SetBy">Who set them (the audit trail's actor).</param>
/// <param name="SetAt">When they were set (last changed).</param>
public sealed record RegionTargets(
    RegionCode Region,
    int Year,
    decimal? Pm25,
    decimal? GoodDayRatio,
    int? HeavyPollutionDays,
    decimal? GoodWaterShare,
    IReadOnlyList<SectionTargetClass> SectionClasses,
    string SetBy,
    Instant SetAt)
{
    /// <summary>The earliest year accepted.</summary>
    public const int FirstYear = 2000;

    /// <summary>The latest year accepted.</summary>
    public const int LastYear = 2100;

    /// <summary>The highest PM2.5 target accepted, µg/m³.</summary>
    public const decimal MaxPm25 = 500m;

    /// <summary>The most sections one region's targets may list.</summary>
    public const int MaxSections = 2000;
}
