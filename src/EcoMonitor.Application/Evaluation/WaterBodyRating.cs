using EcoMonitor.Standards.Water;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The rating of a basin or river over a period from its sections (地表水环境质量评价办法（试行）二(二)): with at least
/// <see cref="BasinRating.MinSectionsForShares"/> sections by the shares of the classes (<see cref="BasinRating.Rate"/>);
/// with fewer by the class of the sections' mean of each item (single-factor method), whose quality word is the rating.
/// </summary>
/// <param name="Name">The basin or river as registered.</param>
/// <param name="Sections">Sections with a class in the period.</param>
/// <param name="ClassCounts">Sections of class I, II, III, IV, V and 劣V (six numbers).</param>
/// <param name="IsByShares">True when rated by the class shares; false when by the class of the mean of the sections.</param>
/// <param name="MeanClass">With fewer than five sections: the class of the sections' item means; null otherwise.</param>
/// <param name="Rating">优, 良好, 轻度污染, 中度污染 or 重度污染.</param>
/// <param name="Exceedances">Items worse than class III at any section, by section exceedance rate (二(四)).</param>
/// <param name="MainItems">The main pollution items (at most three), when rated 轻度污染 or worse; with fewer than five
/// sections those of the mean sample (the section rule).</param>
public sealed record WaterBodyRating(
    string Name,
    int Sections,
    IReadOnlyList<int> ClassCounts,
    bool IsByShares,
    WaterClass? MeanClass,
    string Rating,
    IReadOnlyList<ItemExceedance> Exceedances,
    IReadOnlyList<SurfaceWaterItem> MainItems)
{
    /// <summary>Share of each class I … 劣V, % of the sections, 1 decimal (GB/T 8170).</summary>
    public IReadOnlyList<decimal> ClassShares => [.. ClassCounts.Select(c => WaterShares.Percent(c, Sections))];

    /// <summary>Share of sections of class I–III (水质优良比例), %, 1 decimal.</summary>
    public decimal GoodShare => WaterShares.Percent(ClassCounts[0] + ClassCounts[1] + ClassCounts[2], Sections);

    /// <summary>Share of sections worse than class V (劣V比例), %, 1 decimal.</summary>
    public decimal WorstShare => WaterShares.Percent(ClassCounts[5], Sections);
}
