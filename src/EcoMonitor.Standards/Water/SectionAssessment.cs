namespace EcoMonitor.Standards.Water;

/// <summary>The class of a monitoring section (断面) per 地表水环境质量评价办法（试行）.</summary>
/// <param name="Class">Worst class of the evaluated items (single-factor method, 二(一)).</param>
/// <param name="WorstItems">The evaluated items having that class.</param>
/// <param name="ItemClasses">Class of every evaluated item given.</param>
/// <param name="ExceedMultiples">(C − S_III) / S_III, rounded to 2 decimals (GB/T 8170), for evaluated items worse
/// than class III, except pH and DO (二(四), recalled).</param>
/// <param name="MainPollutants">When the section is worse than class III: up to three items with the largest
/// exceedance multiples, largest first (二(四)).</param>
/// <param name="Separate">Classes of the items reported separately: TN and fecal coliform (一(一)1).</param>
public sealed record SectionAssessment(
    WaterClass Class,
    IReadOnlyList<SurfaceWaterItem> WorstItems,
    IReadOnlyDictionary<SurfaceWaterItem, WaterClass> ItemClasses,
    IReadOnlyDictionary<SurfaceWaterItem, decimal> ExceedMultiples,
    IReadOnlyList<SurfaceWaterItem> MainPollutants,
    IReadOnlyDictionary<SurfaceWaterItem, WaterClass> Separate)
{
    /// <summary>The section's quality word (优, 良好, 轻度污染, 中度污染, 重度污染).</summary>
    public string Quality => WaterClassNames.Quality(Class);
}
