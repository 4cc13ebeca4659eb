namespace EcoMonitor.Standards.Air;

/// <summary>
/// HJ 663-2013 statistics of one pollutant over a period (month, quarter, year or custom), from its daily values.
/// Reported values are rounded per GB/T 8170 (HJ 663-2013 clause 6).
/// </summary>
/// <param name="Pollutant">The item.</param>
/// <param name="ValidDays">Days with a daily value.</param>
/// <param name="IsValid">Every fully covered calendar month holds ≥ 27 days (February ≥ 25) and a covered calendar
/// year ≥ 324 days (GB 3095-2012 Table 4).</param>
/// <param name="Mean">Period mean, rounded; null for CO and O3 (HJ 663 evaluates them by percentile only) or no data.</param>
/// <param name="PercentileRank">The percentile HJ 663 clause 5 uses: 98 (SO2, NO2), 95 (PM10, PM2.5, CO), 90 (O3).</param>
/// <param name="Percentile">That percentile of the daily values (Appendix A), rounded; null without data.</param>
/// <param name="ExceedanceDays">Days whose value exceeds the 24-h limit (O3: the daily maximum 8-h limit).</param>
/// <param name="ComplianceRate">Days not exceeding / valid days × 100 %, 1 decimal; null without data.</param>
/// <param name="IsCompliant">Mean ≤ annual limit (where Table 1 has one) and percentile ≤ 24-h (O3 8-h) limit;
/// null without data.</param>
/// <param name="MeanExceedMultiple">(mean − annual limit) / annual limit, 2 decimals, when the mean exceeds it
/// (HJ 663-2013 clause 5 超标倍数, recalled); otherwise null.</param>
/// <param name="PercentileExceedMultiple">The same for the percentile against the 24-h (O3 8-h) limit.</param>
public sealed record PeriodStatistics(
    AirPollutant Pollutant,
    int ValidDays,
    bool IsValid,
    decimal? Mean,
    int PercentileRank,
    decimal? Percentile,
    int ExceedanceDays,
    decimal? ComplianceRate,
    bool? IsCompliant,
    decimal? MeanExceedMultiple,
    decimal? PercentileExceedMultiple);
