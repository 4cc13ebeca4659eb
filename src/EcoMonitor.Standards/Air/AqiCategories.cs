namespace EcoMonitor.Standards.Air;

/// <summary>
/// HJ 633-2012 clause 4.3 Table 2 (levels, categories) and Appendix A (colours), transcribed from
/// <c>hj633-2012-aqi.json</c> <c>categories</c> (confidence: confirmed). A test compares this file with the JSON.
/// </summary>
public static class AqiCategories
{
    /// <summary>The six rows of Table 2, level 1 first.</summary>
    public static readonly AqiCategory[] Rows =
    [
        new(1, 0, 50, "一级", "优", "绿色", 0, 228, 0),
        new(2, 51, 100, "二级", "良", "黄色", 255, 255, 0),
        new(3, 101, 150, "三级", "轻度污染", "橙色", 255, 126, 0),
        new(4, 151, 200, "四级", "中度污染", "红色", 255, 0, 0),
        new(5, 201, 300, "五级", "重度污染", "紫色", 153, 0, 76),
        new(6, 301, null, "六级", "严重污染", "褐红色", 126, 0, 35),
    ];

    /// <summary>The category of an AQI (an integer ≥ 0, as HJ 633 rounds it up).</summary>
    public static AqiCategory For(int aqi)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(aqi);
        foreach (AqiCategory row in Rows)
        {
            if (row.MaxAqi is not { } max || aqi <= max)
            {
                return row;
            }
        }

        return Rows[^1];
    }
}
