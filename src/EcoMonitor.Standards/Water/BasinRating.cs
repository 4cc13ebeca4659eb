namespace EcoMonitor.Standards.Water;

/// <summary>
/// Quality of a river or basin from the classes of its sections, 地表水环境质量评价办法（试行）二(二)
/// (<c>river_rating</c>, confirmed): share of I–III ≥ 90 % 优; 75–90 % 良好; below 75 % by the share of 劣V:
/// &lt; 20 % 轻度污染, 20–40 % 中度污染, ≥ 40 % 重度污染. The rule is written for ≥ 5 sections; with fewer the
///办法 averages each item over the sections and classifies the means (use <see cref="SectionEvaluator"/> on them).
/// </summary>
public static class BasinRating
{
    /// <summary>Minimum sections for the share rule.</summary>
    public const int MinSectionsForShares = 5;

    /// <summary>The quality word from the section classes; null for no sections.</summary>
    public static string? Rate(IReadOnlyCollection<WaterClass> sectionClasses)
    {
        ArgumentNullException.ThrowIfNull(sectionClasses);
        if (sectionClasses.Count == 0)
        {
            return null;
        }

        decimal goodShare = sectionClasses.Count(c => c <= WaterClass.III) * 100m / sectionClasses.Count;
        decimal worstShare = sectionClasses.Count(c => c == WaterClass.WorseThanV) * 100m / sectionClasses.Count;
        return goodShare switch
        {
            >= 90m => "优",
            >= 75m => "良好",
            _ when worstShare < 20m => "轻度污染",
            _ when worstShare < 40m => "中度污染",
            _ => "重度污染",
        };
    }
}
