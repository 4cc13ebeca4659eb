using EcoMonitor.Application.Evaluation;

namespace EcoMonitor.Reports;

/// <summary>The three rankings of an annual report, each as <c>/rankings/…</c> serves it for the year.</summary>
/// <param name="ByIndex">By comprehensive index (<c>by=index</c>).</param>
/// <param name="ByIndexDustExcluded">By comprehensive index with the registered dust days left out (<c>by=index&amp;dust=excluded</c>, 扣沙).</param>
/// <param name="ByImprovement">By the change of the index against the year before (<c>by=improvement</c>).</param>
internal sealed record AnnualRankings(IReadOnlyList<RegionRank> ByIndex, IReadOnlyList<RegionRank> ByIndexDustExcluded, IReadOnlyList<RegionRank> ByImprovement);
