using EcoMonitor.Application.Evaluation;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Web.Api;

/// <summary>
/// A basin's or river's rating for a period (地表水环境质量评价办法（试行）二(二)): the shares of its sections per class
/// and the quality word.
/// </summary>
/// <param name="Name">The basin (流域) or river as registered.</param>
/// <param name="Sections">Sections with a class in the period.</param>
/// <param name="ClassCounts">Sections of class I, II, III, IV, V and 劣V.</param>
/// <param name="ClassShares">The same as % of the sections, 1 decimal.</param>
/// <param name="GoodShare">Sections of class I–III (水质优良比例), %, 1 decimal.</param>
/// <param name="WorstShare">Sections worse than class V (劣V), %, 1 decimal.</param>
/// <param name="Method">shares (five sections or more: by the class shares) or mean (fewer: the class of the sections'
/// mean of each item).</param>
/// <param name="MeanClass">With method mean: that class, I … 劣V; null otherwise.</param>
/// <param name="Rating">优, 良好, 轻度污染, 中度污染 or 重度污染.</param>
/// <param name="Exceedances">Items worse than class III at any section, by section exceedance rate.</param>
/// <param name="MainItems">Main pollution items (at most three) when rated 轻度污染 or worse.</param>
public sealed record WaterBodyRatingDto(
    string Name, int Sections, int[] ClassCounts, decimal[] ClassShares, decimal GoodShare, decimal WorstShare, string Method,
    string? MeanClass, string Rating, ItemExceedanceDto[] Exceedances, string[] MainItems)
{
    /// <summary>Maps one rating.</summary>
    public static WaterBodyRatingDto From(WaterBodyRating r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Name, r.Sections, [.. r.ClassCounts], [.. r.ClassShares], r.GoodShare, r.WorstShare, r.IsByShares ? "shares" : "mean",
            r.MeanClass is { } c ? WaterClassNames.Name(c) : null, r.Rating, [.. r.Exceedances.Select(ItemExceedanceDto.From)],
            [.. r.MainItems.Select(i => i.ToString())]);
    }
}
