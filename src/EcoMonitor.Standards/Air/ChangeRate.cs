using EcoMonitor.Standards.Rounding;

namespace EcoMonitor.Standards.Air;

/// <summary>
/// 变化率 of 城市环境空气质量排名技术规定 (<c>city-air-ranking-2018.json</c> <c>ranking.also_published</c>, confirmed
/// from provincial publications): (now − same period last year) / same period last year × 100 %; &gt; 0 worse, &lt; 0
/// better; the improvement ranking (改善幅度排名) is ascending by it. Computed from the reported (rounded) values and
/// reported to 1 decimal per GB/T 8170 (the number of decimals is our choice: the 规定's text was not retrieved).
/// </summary>
public static class ChangeRate
{
    /// <summary>The change rate in %, 1 decimal; null when a value is missing or last year's is 0 (no rate defined).</summary>
    public static decimal? Of(decimal? now, decimal? lastYear) =>
        now is { } n && lastYear is { } l && l != 0m ? GbT8170.Round((n - l) / l * 100m, 1) : null;
}
