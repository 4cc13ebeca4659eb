namespace EcoMonitor.Standards.Water;

/// <summary>
/// City water quality index (CWQI) of 城市地表水环境质量排名技术规定（试行）(环办监测〔2017〕51号; <c>cwqi-2017.json</c>):
/// item CWQI = C / Cs with Cs the GB 3838 class III limit (lake TP 0.05 mg/L) (confirmed); DO: 5 / C; pH ≤ 7:
/// (7 − pH) / 1, pH &gt; 7: (pH − 7) / 2 (confirmed); section = sum over the 21 section items (TN and fecal coliform
/// excluded); city = mean over its sections (recalled). Exact values (rounding <c>unconfirmed</c>, none applied).
/// </summary>
public static class Cwqi
{
    /// <summary>CWQI of one item.</summary>
    public static decimal Item(SurfaceWaterItem item, decimal value, WaterBody body)
    {
        return item switch
        {
            SurfaceWaterItem.pH => value <= 7m ? (7m - value) / 1m : (value - 7m) / 2m,
            SurfaceWaterItem.DO => value > 0m ? 5m / value : throw new ArgumentOutOfRangeException(nameof(value), value, "DO must be positive"),
            _ => value / Gb3838Limits.For(item, body)[2],
        };
    }

    /// <summary>CWQI of a section: the sum over the sample's section items (TN, fecal coliform ignored).</summary>
    public static decimal Section(IReadOnlyDictionary<SurfaceWaterItem, decimal> sample, WaterBody body)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.Where(p => !SectionEvaluator.SeparateItems.Contains(p.Key)).Sum(p => Item(p.Key, p.Value, body));
    }

    /// <summary>CWQI of a city: the mean of its sections' CWQI; null for no sections.</summary>
    public static decimal? City(IReadOnlyCollection<decimal> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return sections.Count > 0 ? sections.Average() : null;
    }
}
