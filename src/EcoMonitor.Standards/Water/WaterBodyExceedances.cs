using EcoMonitor.Standards.Rounding;

namespace EcoMonitor.Standards.Water;

/// <summary>
/// Exceeding items and main pollution items of a river, basin or region, 地表水环境质量评价办法（试行）二(四)
/// (<c>exceedance</c>, recalled): the items worse than class III at any section, ordered by their section exceedance
/// rate (断面超标率), largest first, then by their largest exceedance multiple, then by item; the main pollution items
/// are the first three of them when the water is rated 轻度污染 or worse. Pure and thread-safe.
/// </summary>
public static class WaterBodyExceedances
{
    private const int MaxMainItems = 3;

    /// <summary>The exceeding items of <paramref name="sections"/> (the assessed sections of one water body), ordered.</summary>
    public static IReadOnlyList<ItemExceedance> Of(IReadOnlyCollection<SectionAssessment> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        if (sections.Count == 0)
        {
            return [];
        }

        return
        [
            .. sections
                .SelectMany(s => s.ItemClasses.Where(c => c.Value > WaterClass.III)
                    .Select(c => (Item: c.Key, Multiple: s.ExceedMultiples.TryGetValue(c.Key, out decimal m) ? m : (decimal?)null)))
                .GroupBy(e => e.Item)
                .Select(g => new ItemExceedance(g.Key, g.Count(), GbT8170.Round(g.Count() * 100m / sections.Count, 1), g.Max(e => e.Multiple)))
                .OrderByDescending(e => e.Rate).ThenByDescending(e => e.MaxMultiple ?? -1m).ThenBy(e => e.Item),
        ];
    }

    /// <summary>The main pollution items: the first three exceeding items when <paramref name="rating"/> is 轻度污染 or worse.</summary>
    public static IReadOnlyList<SurfaceWaterItem> MainItems(IReadOnlyList<ItemExceedance> exceedances, string rating)
    {
        ArgumentNullException.ThrowIfNull(exceedances);
        return rating is "优" or "良好" ? [] : [.. exceedances.Take(MaxMainItems).Select(e => e.Item)];
    }
}
