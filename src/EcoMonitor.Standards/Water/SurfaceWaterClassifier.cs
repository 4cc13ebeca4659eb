namespace EcoMonitor.Standards.Water;

/// <summary>
/// Single-item class per GB 3838-2002 Table 1 and 地表水环境质量评价办法（试行）二(一) (<c>section_class</c>):
/// the best class whose limit the value meets; where classes share a limit the better class applies (从优不从劣,
/// recalled; e.g. COD 15 → I); pH 6–9 is class I, outside 劣V; DO is "not less than"; lakes use the lake TP limits.
/// </summary>
public static class SurfaceWaterClassifier
{
    /// <summary>The class of one measured value (mg/L; pH dimensionless; fecal coliform count/L).</summary>
    public static WaterClass Classify(SurfaceWaterItem item, decimal value, WaterBody body)
    {
        if (item == SurfaceWaterItem.pH)
        {
            return value is >= Gb3838Limits.PhMin and <= Gb3838Limits.PhMax ? WaterClass.I : WaterClass.WorseThanV;
        }

        decimal[] limits = Gb3838Limits.For(item, body);
        bool isLowerBound = item == SurfaceWaterItem.DO;
        for (int i = 0; i < limits.Length; i++)
        {
            if (isLowerBound ? value >= limits[i] : value <= limits[i])
            {
                return (WaterClass)(i + 1);
            }
        }

        return WaterClass.WorseThanV;
    }
}
