namespace EcoMonitor.Standards.Soil;

/// <summary>
/// GB 15618-2018 clauses 5 and 6 (<c>assessment</c>, recalled): a value ≤ the screening value is low risk; above the
/// intervention value high risk; between them a possible risk with safe-use measures. Paddy (水田) and other land use
/// choose the Table 1 row; Cu of an orchard uses its own row; paddy Cu uses the "other" row (Table 1 has none for
/// paddy). Paddy-upland rotation must pass <see cref="SoilLandUse.Paddy"/> or the stricter value by the caller.
/// </summary>
public static class SoilEvaluator
{
    /// <summary>The band index of a pH (≤ 5.5, ≤ 6.5, ≤ 7.5, above).</summary>
    public static int BandIndex(decimal ph) => ph switch
    {
        <= 5.5m => 0,
        <= 6.5m => 1,
        <= 7.5m => 2,
        _ => 3,
    };

    /// <summary>
    /// Evaluates one item in mg/kg: Table 1 (Cd, Hg, As, Pb, Cr, Cu, Ni, Zn) or Table 2 (HCH, DDT, BaP — one value for
    /// every band and land use, no intervention value); null for an unknown item.
    /// </summary>
    public static SoilAssessment? Evaluate(string item, SoilLandUse landUse, decimal ph, decimal value)
    {
        int band = BandIndex(ph);
        (string Item, decimal Value) other = Array.Find(Gb15618Values.OtherItems, r => r.Item == item);
        if (other.Item is not null)
        {
            return new SoilAssessment(Gb15618Values.PhBands[band], other.Value, null, value <= other.Value ? "le_screening" : "between");
        }

        SoilLandUse rowUse = item == "Cu" && landUse == SoilLandUse.Paddy ? SoilLandUse.Other
            : item != "Cu" && landUse == SoilLandUse.Orchard ? SoilLandUse.Other : landUse;
        decimal[]? screening = Array.Find(Gb15618Values.Screening,
            r => r.Item == item && (r.LandUse is null || r.LandUse == rowUse)).Values;
        if (screening is null)
        {
            return null;
        }

        decimal? intervention = Array.Find(Gb15618Values.Intervention, r => r.Item == item).Values?[band];
        string result = value <= screening[band] ? "le_screening"
            : intervention is { } iv && value > iv ? "gt_intervention" : "between";
        return new SoilAssessment(Gb15618Values.PhBands[band], screening[band], intervention, result);
    }
}
