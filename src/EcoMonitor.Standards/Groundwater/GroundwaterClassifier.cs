using EcoMonitor.Standards.Water;

namespace EcoMonitor.Standards.Groundwater;

/// <summary>
/// GB/T 14848-2017 clauses 6.2 and 6.3 (<c>classification</c>, confirmed): a single item's class is the range its
/// value falls in, the better class where adjacent limits are equal (从优不从劣); class V is above the IV limit; the
/// overall class is the worst single-item class, naming the item(s) with it. pH (Table 1 item 5): 6.5–8.5 class I
/// (also II and III), 5.5 ≤ pH &lt; 6.5 or 8.5 &lt; pH ≤ 9.0 class IV, otherwise V. Gross α/β above the class III
/// value give class IV (Table 1 does not separate IV and V there). Classes use <see cref="WaterClass"/> I–V.
/// </summary>
public static class GroundwaterClassifier
{
    /// <summary>Short name of the pH item.</summary>
    public const string PhName = "pH";

    /// <summary>The class of one item; false for an unknown item name.</summary>
    public static bool TryClassify(string item, decimal value, out WaterClass result)
    {
        result = WaterClass.V;
        if (item == PhName)
        {
            result = value is >= 6.5m and <= 8.5m ? WaterClass.I
                : value is >= 5.5m and <= 9.0m ? WaterClass.IV : WaterClass.V;
            return true;
        }

        if (Gbt14848Limits.Find(item) is not { } row)
        {
            return false;
        }

        for (int i = 0; i < row.Limits.Length; i++)
        {
            if (row.Limits[i] is not { } limit)
            {
                result = (WaterClass)(i + 1);
                return true;
            }

            if (value <= limit)
            {
                result = (WaterClass)(i + 1);
                return true;
            }
        }

        return true;
    }

    /// <summary>The overall class of a sample and the items having it; null for an empty sample.</summary>
    public static (WaterClass Class, IReadOnlyList<string> WorstItems)? Overall(IReadOnlyDictionary<string, WaterClass> itemClasses)
    {
        ArgumentNullException.ThrowIfNull(itemClasses);
        if (itemClasses.Count == 0)
        {
            return null;
        }

        WaterClass worst = itemClasses.Values.Max();
        return (worst, [.. itemClasses.Where(p => p.Value == worst).Select(p => p.Key).Order(StringComparer.Ordinal)]);
    }
}
