namespace EcoMonitor.Standards.Water;

/// <summary>
/// Lake (reservoir) trophic level index TLI(Σ) = Σ W_j·TLI(j), 地表水环境质量评价办法（试行）附 (<c>trophic_state</c>,
/// recalled, the CNEMC formula): weights chla 0.2663, TP 0.1879, TN 0.1790, SD 0.1834, CODMn 0.1834;
/// TLI(chla) = 10(2.5 + 1.086 ln chla), TLI(TP) = 10(9.436 + 1.624 ln TP), TLI(TN) = 10(5.453 + 1.694 ln TN),
/// TLI(SD) = 10(5.118 − 1.94 ln SD), TLI(CODMn) = 10(0.109 + 2.661 ln CODMn); chla mg/m³, TP/TN/CODMn mg/L, SD m.
/// States: &lt; 30 贫营养; 30–50 中营养; 50–60 轻度富营养; 60–70 中度富营养; &gt; 70 重度富营养.
/// </summary>
public static class TrophicLevelIndex
{
    /// <summary>TLI(Σ) of the five items (all must be &gt; 0).</summary>
    public static double Compute(double chla, double tp, double tn, double sd, double codmn)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chla);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tp);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sd);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(codmn);
        return (0.2663 * 10 * (2.5 + (1.086 * Math.Log(chla))))
            + (0.1879 * 10 * (9.436 + (1.624 * Math.Log(tp))))
            + (0.1790 * 10 * (5.453 + (1.694 * Math.Log(tn))))
            + (0.1834 * 10 * (5.118 - (1.94 * Math.Log(sd))))
            + (0.1834 * 10 * (0.109 + (2.661 * Math.Log(codmn))));
    }

    /// <summary>The trophic state word of a TLI(Σ).</summary>
    public static string State(double tli) => tli switch
    {
        < 30 => "贫营养",
        <= 50 => "中营养",
        <= 60 => "轻度富营养",
        <= 70 => "中度富营养",
        _ => "重度富营养",
    };
}
