namespace EcoMonitor.Application.Reports;

/// <summary>The kinds of report document the platform generates and archives (docs/reports.md).</summary>
public enum ReportKind
{
    /// <summary>空气质量日报: each city's AQI, level and primary pollutant for one day, with the province summary.</summary>
    DailyBulletin,

    /// <summary>
    /// 环境空气质量月报 of the province or of one city, modelled on the national monthly city report: good-day ratio and
    /// level shares, the six pollutants with year-on-year change, good-day bands, best and worst by composite index.
    /// </summary>
    MonthlyAir,

    /// <summary>
    /// 环境空气质量年报 of the province or of one city, modelled on the monthly report and the national annual bulletin:
    /// the HJ 663 annual statistics with year-on-year change, good-day ratio, level shares and heavy-pollution days,
    /// GB 3095 class II compliance, the ranking by composite index beside the dust-excluded one and the improvement
    /// ranking, and the monthly trend.
    /// </summary>
    AnnualAir,

    /// <summary>
    /// 地表水环境质量月报 of the province or of one city: section classes and their shares, exceeding items and multiples,
    /// the city CWQI ranking, basin and river ratings, lake trophic states.
    /// </summary>
    MonthlyWater,
}
