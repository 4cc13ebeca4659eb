using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Web.Api;

/// <summary>
/// The class of a surface-water section for one period (地表水环境质量评价办法（试行）: single-factor method over the
/// evaluated items, TN and fecal coliform reported separately), against the section's target class.
/// </summary>
/// <param name="Period">Hour start (ISO 8601 +08:00), day (yyyy-MM-dd) or month (yyyy-MM), China Standard Time.</param>
/// <param name="Class">Section class 1..6 (6 = 劣V); null when no evaluated item has a value.</param>
/// <param name="ClassName">I, II, III, IV, V or 劣V.</param>
/// <param name="Quality">优, 良好, 轻度污染, 中度污染 or 重度污染.</param>
/// <param name="TargetClass">The section's target class 1..5 (水质目标); null: not set (未设定), the portal says so.</param>
/// <param name="MeetsTarget">Class no worse than the target; null without a target or a class.</param>
/// <param name="MainPollutants">Up to three items with the largest exceedance multiples, when worse than class III.</param>
/// <param name="Items">Every item with a value.</param>
/// <param name="DrinkingSourceItems">For a drinking-water source (集中式生活饮用水地表水源地): every GB 3838-2002 Table 2
/// supplementary item with a value, against its limit; they do not change <paramref name="Class"/>. Null for other sections.</param>
/// <param name="DrinkingSourceExceeding">For a drinking-water source: the Table 2 items above their limits, largest multiple
/// first; null for other sections.</param>
public sealed record WaterAssessmentDto(
    string Period, int? Class, string? ClassName, string? Quality, int? TargetClass, bool? MeetsTarget,
    string[] MainPollutants, WaterItemDto[] Items, DrinkingSourceItemDto[]? DrinkingSourceItems, string[]? DrinkingSourceExceeding)
{
    /// <summary>Assesses <paramref name="values"/> (code, value, values averaged) for <paramref name="station"/>.</summary>
    public static WaterAssessmentDto From(string period, Station station, IReadOnlyList<(ParameterCode Parameter, decimal Value, int? Values)> values)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(values);
        WaterBody body = WaterParameters.BodyOf(station);
        SectionAssessment? assessment = SectionEvaluator.Evaluate(WaterParameters.Sample(values.Select(v => (v.Parameter, v.Value))), body);
        WaterItemDto[] items =
        [
            .. values
                .Where(v => WaterParameters.Items.ContainsKey(v.Parameter))
                .OrderBy(v => v.Parameter.Value, StringComparer.Ordinal)
                .Select(v =>
                {
                    SurfaceWaterItem item = WaterParameters.Items[v.Parameter];
                    WaterClass itemClass = SurfaceWaterClassifier.Classify(item, v.Value, body);
                    decimal? multiple = assessment is not null && assessment.ExceedMultiples.TryGetValue(item, out decimal m) ? m : null;
                    return new WaterItemDto(v.Parameter.Value, item.ToString(), v.Value, v.Values, (int)itemClass,
                        WaterClassNames.Name(itemClass), multiple, SectionEvaluator.SeparateItems.Contains(item));
                }),
        ];
        DrinkingSourceItemDto[]? sourceItems = station.IsDrinkingWaterSource ? SourceItems(values) : null;
        WaterClass? sectionClass = assessment?.Class;
        bool? meetsTarget = sectionClass is { } c && station.WaterTargetClass is { } target ? (int)c <= target : null;
        return new WaterAssessmentDto(
            period, (int?)sectionClass, sectionClass is { } n ? WaterClassNames.Name(n) : null, assessment?.Quality,
            station.WaterTargetClass, meetsTarget, [.. (assessment?.MainPollutants ?? []).Select(p => p.ToString())], items,
            sourceItems, sourceItems is null ? null : [.. sourceItems.Where(i => i.ExceedMultiple is not null).OrderByDescending(i => i.ExceedMultiple).Select(i => i.Item)]);
    }

    /// <summary>The GB 3838-2002 Table 2 items among <paramref name="values"/>, by code, against their limits.</summary>
    private static DrinkingSourceItemDto[] SourceItems(IReadOnlyList<(ParameterCode Parameter, decimal Value, int? Values)> values) =>
    [
        .. values
            .Where(v => WaterParameters.SupplementaryItems.ContainsKey(v.Parameter))
            .OrderBy(v => v.Parameter.Value, StringComparer.Ordinal)
            .Select(v =>
            {
                DrinkingSourceItem item = WaterParameters.SupplementaryItems[v.Parameter];
                return new DrinkingSourceItemDto(v.Parameter.Value, item.ToString(), v.Value, v.Values,
                    DrinkingSourceLimits.Limit(item), DrinkingSourceLimits.ExceedMultiple(item, v.Value));
            }),
    ];
}
