using System.Globalization;

namespace EcoMonitor.Reports;

/// <summary>
/// Derived figures a report shows beside the API's numbers (shares, changes), rounded per GB/T 8170 (round half to
/// even) to one decimal, and their text. Pure.
/// </summary>
public static class ReportNumbers
{
    /// <summary><paramref name="part"/> / <paramref name="whole"/> × 100, one decimal; null when <paramref name="whole"/> is 0.</summary>
    public static decimal? Share(int part, int whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.ToEven);

    /// <summary>Change of <paramref name="current"/> against <paramref name="previous"/> in %, one decimal; null when either is missing or the base is 0.</summary>
    public static decimal? Change(decimal? current, decimal? previous) =>
        current is { } c && previous is { } p && p != 0 ? Math.Round((c - p) * 100m / p, 1, MidpointRounding.ToEven) : null;

    /// <summary>Difference in percentage points, one decimal; null when either is missing.</summary>
    public static decimal? Points(decimal? current, decimal? previous) =>
        current is { } c && previous is { } p ? Math.Round(c - p, 1, MidpointRounding.ToEven) : null;

    /// <summary>Mean of the values present, one decimal; null when none is.</summary>
    public static decimal? Mean(IEnumerable<decimal?> values)
    {
        decimal[] present = [.. values.Where(v => v.HasValue).Select(v => v!.Value)];
        return present.Length == 0 ? null : Math.Round(present.Average(), 1, MidpointRounding.ToEven);
    }

    /// <summary>A number as the text shows it; "—" when missing.</summary>
    public static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? ReportTable.Empty;

    /// <summary>"上升 x%" / "下降 x%" / "持平" for a change in %; "无同期数据" when missing.</summary>
    public static string ChangeText(decimal? change, string unit) => change switch
    {
        null => "无同期数据可比",
        > 0 => $"同比上升{change.Value.ToString(CultureInfo.InvariantCulture)}{unit}",
        < 0 => $"同比下降{(-change.Value).ToString(CultureInfo.InvariantCulture)}{unit}",
        _ => "同比持平",
    };
}
