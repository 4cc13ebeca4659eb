using EcoMonitor.Standards.Air;

namespace EcoMonitor.Web.Api;

/// <summary>HJ 663-2013 clause 5 statistics of one pollutant over a period (values rounded per GB/T 8170).</summary>
/// <param name="Pollutant">SO2, NO2, PM10, PM2.5, CO or O3.</param>
/// <param name="ValidDays">Days with a valid daily value.</param>
/// <param name="IsValid">Enough valid days (GB 3095-2012 Table 4: ≥ 27 per full month, February ≥ 25, ≥ 324 per full year).</param>
/// <param name="Mean">Period mean (null for CO and O3).</param>
/// <param name="PercentileRank">98 (SO2, NO2), 95 (PM10, PM2.5, CO) or 90 (O3 daily maximum 8-h).</param>
/// <param name="Percentile">That percentile of the daily values.</param>
/// <param name="ExceedanceDays">Days above the 24-h (O3: 8-h) class 2 limit.</param>
/// <param name="ComplianceRate">Days not exceeding / valid days, %.</param>
/// <param name="IsCompliant">Mean and percentile within the limits.</param>
public sealed record PollutantStatisticsDto(
    string Pollutant, int ValidDays, bool IsValid, decimal? Mean, int PercentileRank, decimal? Percentile,
    int ExceedanceDays, decimal? ComplianceRate, bool? IsCompliant)
{
    /// <summary>Maps one item.</summary>
    public static PollutantStatisticsDto From(PeriodStatistics s) => new(
        AirPollutantFacts.Name(s.Pollutant), s.ValidDays, s.IsValid, s.Mean, s.PercentileRank, s.Percentile,
        s.ExceedanceDays, s.ComplianceRate, s.IsCompliant);
}
