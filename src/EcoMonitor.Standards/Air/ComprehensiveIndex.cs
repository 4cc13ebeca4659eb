using EcoMonitor.Standards.Rounding;

namespace EcoMonitor.Standards.Air;

/// <summary>
/// 环境空气质量综合指数 of 城市环境空气质量排名技术规定 (环办监测〔2018〕19号; <c>city-air-ranking-2018.json</c>
/// <c>comprehensive_index</c>, confirmed): I_i = C_i / S_i with S = SO2 60, NO2 40, PM10 70, PM2.5 35 (annual class 2),
/// CO 4 (24-h class 2), O3 160 (8-h class 2); I_sum = Σ I_i unweighted (weights are <c>unconfirmed</c>; none used),
/// reported to 2 decimals (recalled) by GB/T 8170; the largest I_i names the period's primary pollutant.
/// Worked example of the JSON: PM2.5 21, PM10 39, SO2 9, NO2 15, O3 192, CO 0.7 → 3.06.
/// </summary>
public static class ComprehensiveIndex
{
    /// <summary>S_i per <see cref="AirPollutant"/> (µg/m³, CO mg/m³).</summary>
    public static readonly decimal[] Standards = [60m, 40m, 70m, 35m, 4m, 160m];

    /// <summary>
    /// Single indices and the sum from C_i indexed by <see cref="AirPollutant"/>: period means of SO2, NO2, PM10,
    /// PM2.5, CO 24-h 95th percentile, O3 daily-max-8-h 90th percentile. The sum is null unless all six are given.
    /// </summary>
    public static ComprehensiveIndexResult Compute(IReadOnlyList<decimal?> concentrations)
    {
        ArgumentNullException.ThrowIfNull(concentrations);
        ArgumentOutOfRangeException.ThrowIfNotEqual(concentrations.Count, Standards.Length);
        decimal?[] single = new decimal?[Standards.Length];
        AirPollutant? maxPollutant = null;
        for (int i = 0; i < Standards.Length; i++)
        {
            single[i] = concentrations[i] / Standards[i];
            if (single[i] is { } s && (maxPollutant is not { } m || s > single[(int)m]))
            {
                maxPollutant = (AirPollutant)i;
            }
        }

        decimal? sum = single.All(s => s.HasValue) ? GbT8170.Round(single.Sum(s => s!.Value), 2) : null;
        return new ComprehensiveIndexResult(single, sum, maxPollutant);
    }
}
