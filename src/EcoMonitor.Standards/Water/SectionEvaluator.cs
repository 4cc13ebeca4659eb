using EcoMonitor.Standards.Rounding;

namespace EcoMonitor.Standards.Water;

/// <summary>
/// Section class of 地表水环境质量评价办法（试行）(环办〔2011〕22号; <c>surface-water-assessment-2011.json</c>):
/// the 21 items of 一(一)1 (confirmed; water temperature, TN and fecal coliform excluded, TN and fecal coliform reported
/// separately), single-factor method 二(一) (confirmed), exceedance multiples and main pollutants 二(四) (recalled).
/// Items not in the sample are not evaluated. Pure and thread-safe.
/// </summary>
public static class SectionEvaluator
{
    /// <summary>Items reported separately, not part of the section class.</summary>
    public static readonly SurfaceWaterItem[] SeparateItems = [SurfaceWaterItem.TN, SurfaceWaterItem.FecalColi];

    private const int MaxMainPollutants = 3;

    /// <summary>Evaluates one sample (item → value); null when it holds none of the 21 items.</summary>
    public static SectionAssessment? Evaluate(IReadOnlyDictionary<SurfaceWaterItem, decimal> sample, WaterBody body)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Dictionary<SurfaceWaterItem, WaterClass> classes = [];
        Dictionary<SurfaceWaterItem, WaterClass> separate = [];
        Dictionary<SurfaceWaterItem, decimal> multiples = [];
        foreach ((SurfaceWaterItem item, decimal value) in sample.OrderBy(p => p.Key))
        {
            WaterClass itemClass = SurfaceWaterClassifier.Classify(item, value, body);
            if (SeparateItems.Contains(item))
            {
                separate[item] = itemClass;
                continue;
            }

            classes[item] = itemClass;
            if (itemClass > WaterClass.III && item is not (SurfaceWaterItem.pH or SurfaceWaterItem.DO))
            {
                decimal classThree = Gb3838Limits.For(item, body)[2];
                multiples[item] = GbT8170.Round((value - classThree) / classThree, 2);
            }
        }

        if (classes.Count == 0)
        {
            return null;
        }

        WaterClass worst = classes.Values.Max();
        SurfaceWaterItem[] worstItems = [.. classes.Where(c => c.Value == worst).Select(c => c.Key)];
        SurfaceWaterItem[] main = worst > WaterClass.III
            ? [.. multiples.OrderByDescending(m => m.Value).ThenBy(m => m.Key).Take(MaxMainPollutants).Select(m => m.Key)]
            : [];
        return new SectionAssessment(worst, worstItems, classes, multiples, main, separate);
    }
}
