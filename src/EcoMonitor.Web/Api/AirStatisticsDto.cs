using EcoMonitor.Application.Evaluation;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Web.Api;

/// <summary>HJ 663-2013 statistics of a station or city over a period of days.</summary>
/// <param name="Code">Station MN or city region code.</param>
/// <param name="FirstDay">First day (yyyy-MM-dd, CST).</param>
/// <param name="LastDay">Last day, inclusive.</param>
/// <param name="Items">Per pollutant (SO2, NO2, PM10, PM2.5, CO, O3 — O3 from daily maximum 8-h values).</param>
/// <param name="ValidDays">Days with a daily AQI.</param>
/// <param name="DaysByLevel">Days per AQI level 1..6 (index 0 = level 1, 优).</param>
/// <param name="GoodDayShare">优良天数比例: days of level 1–2 / valid days, %, 1 decimal.</param>
/// <param name="ComprehensiveIndex">综合指数 (城市环境空气质量排名技术规定), 2 decimals; null unless all six items have a value.</param>
/// <param name="MaxIndexPollutant">The item with the largest single index.</param>
/// <param name="IsCompliant">Every item complies with GB 3095-2012 class 2; null when an item could not be evaluated.</param>
public sealed record AirStatisticsDto(
    string Code, string FirstDay, string LastDay, PollutantStatisticsDto[] Items, int ValidDays, IReadOnlyList<int> DaysByLevel,
    decimal? GoodDayShare, decimal? ComprehensiveIndex, string? MaxIndexPollutant, bool? IsCompliant)
{
    /// <summary>Maps computed statistics.</summary>
    public static AirStatisticsDto From(AirPeriodStatistics s) => new(
        s.Subject.Code, ApiTime.FormatDate(s.FirstDay), ApiTime.FormatDate(s.LastDay),
        [.. s.Items.Select(PollutantStatisticsDto.From)], s.Days.ValidDays, s.Days.DaysByLevel, s.Days.GoodDayShare,
        s.Index.Index, s.Index.MaxPollutant is { } p ? AirPollutantFacts.Name(p) : null, s.IsCompliant);
}
