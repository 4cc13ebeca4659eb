using EcoMonitor.Standards.Air;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// HJ 663-2013 statistics of a station or city over a period (days <see cref="FirstDay"/>..<see cref="LastDay"/>
/// inclusive), from its stored daily values.
/// </summary>
/// <param name="Subject">Station or city.</param>
/// <param name="FirstDay">First day (CST).</param>
/// <param name="LastDay">Last day (CST), inclusive.</param>
/// <param name="Items">Per pollutant, indexed by <see cref="AirPollutant"/>: mean, percentile (CO P95, O3-8h P90 …),
/// exceedance days, compliance.</param>
/// <param name="Days">Days per AQI level and the share of good days (优良天数比例).</param>
/// <param name="Index">The comprehensive index (综合指数) from the means of SO2, NO2, PM10, PM2.5, CO P95 and O3-8h P90.</param>
/// <param name="IsCompliant">Overall compliance: every item complies; null when an item could not be evaluated.</param>
public sealed record AirPeriodStatistics(
    EvaluationSubject Subject,
    LocalDate FirstDay,
    LocalDate LastDay,
    IReadOnlyList<PeriodStatistics> Items,
    AqiDayStatistics Days,
    ComprehensiveIndexResult Index,
    bool? IsCompliant);
