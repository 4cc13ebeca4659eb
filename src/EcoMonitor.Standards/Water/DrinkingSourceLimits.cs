using EcoMonitor.Standards.Rounding;

namespace EcoMonitor.Standards.Water;

/// <summary>
/// GB 3838-2002 Table 2 (<c>table2_supplementary_drinking_source</c>, recalled): one limit per item in mg/L for the
/// surface-water sources of centralized drinking water, which are assessed against these besides Table 1 (clause 5.2).
/// A value above its limit exceeds it; the multiple is (C − S) / S rounded to 2 decimals (GB/T 8170), as for Table 1.
/// Pure and thread-safe.
/// </summary>
public static class DrinkingSourceLimits
{
    /// <summary>The limit of an item, mg/L.</summary>
    public static decimal Limit(DrinkingSourceItem item) => item switch
    {
        DrinkingSourceItem.Sulfate => 250m,
        DrinkingSourceItem.Chloride => 250m,
        DrinkingSourceItem.Nitrate => 10m,
        DrinkingSourceItem.Fe => 0.3m,
        DrinkingSourceItem.Mn => 0.1m,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, "not a GB 3838-2002 Table 2 item"),
    };

    /// <summary>The exceedance multiple when <paramref name="value"/> (mg/L) is above the limit; null when it complies.</summary>
    public static decimal? ExceedMultiple(DrinkingSourceItem item, decimal value)
    {
        decimal limit = Limit(item);
        return value > limit ? GbT8170.Round((value - limit) / limit, 2) : null;
    }
}
