namespace EcoMonitor.Standards.Rounding;

/// <summary>
/// Rounding of reported values per GB/T 8170-2008 clause 3.3 (四舍六入五成双), as HJ 663-2013 clause 6 requires
/// (<c>hj663-2013-air-assessment.json</c> <c>rounding</c>, recalled; GB/T 8170 reference confirmed):
/// a discarded part greater than half rounds up, less than half rounds down, exactly half rounds to the even digit.
/// In <see cref="decimal"/>, so "exactly half" means exactly: 40.5 → 40, 41.5 → 42, 0.85 → 0.8, 40.51 → 41.
/// </summary>
public static class GbT8170
{
    /// <summary>Rounds <paramref name="value"/> to <paramref name="decimals"/> (0..28) decimal places.</summary>
    public static decimal Round(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.ToEven);
}
