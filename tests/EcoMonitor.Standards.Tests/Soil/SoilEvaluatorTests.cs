using System.Text.Json;
using EcoMonitor.Standards.Soil;

namespace EcoMonitor.Standards.Tests.Soil;

/// <summary>GB 15618-2018 Table 1 (screening), Table 3 (intervention), pH bands, clauses 5/6.</summary>
[Trait("Area", "Standards")]
public sealed class SoilEvaluatorTests
{
    [Theory]
    [InlineData("5.5", 0)]
    [InlineData("5.51", 1)]
    [InlineData("6.5", 1)]
    [InlineData("7.5", 2)]
    [InlineData("7.51", 3)]
    public void BandIndex_UpperBoundsInclusive(string ph, int band) =>
        Assert.Equal(band, SoilEvaluator.BandIndex(decimal.Parse(ph, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Cd", SoilLandUse.Paddy, "6.0", "0.4", "le_screening")]
    [InlineData("Cd", SoilLandUse.Paddy, "6.0", "0.41", "between")]
    [InlineData("Cd", SoilLandUse.Paddy, "6.0", "2.0", "between")]
    [InlineData("Cd", SoilLandUse.Paddy, "6.0", "2.01", "gt_intervention")]
    [InlineData("Cu", SoilLandUse.Paddy, "8.0", "100", "le_screening")]
    [InlineData("Cu", SoilLandUse.Other, "8.0", "5000", "between")]
    [InlineData("Zn", SoilLandUse.Other, "5.0", "200", "le_screening")]
    public void Evaluate_Results(string item, SoilLandUse use, string ph, string value, string expected)
    {
        SoilAssessment result = SoilEvaluator.Evaluate(item, use,
            decimal.Parse(ph, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))!;

        Assert.Equal(expected, result.Result);
    }

    // GB 15618-2018 Table 2: one screening value whatever the pH and land use, no intervention value.
    [Theory]
    [InlineData("HCH", SoilLandUse.Paddy, "5.0", "0.10", "le_screening")]
    [InlineData("HCH", SoilLandUse.Other, "8.0", "0.11", "between")]
    [InlineData("DDT", SoilLandUse.Orchard, "7.0", "0.10", "le_screening")]
    [InlineData("DDT", SoilLandUse.Paddy, "6.0", "0.101", "between")]
    [InlineData("BaP", SoilLandUse.Other, "6.6", "0.55", "le_screening")]
    [InlineData("BaP", SoilLandUse.Other, "6.6", "50", "between")]
    public void Evaluate_Table2Items_OneScreeningValueNoIntervention(string item, SoilLandUse use, string ph, string value, string expected)
    {
        SoilAssessment result = SoilEvaluator.Evaluate(item, use,
            decimal.Parse(ph, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))!;

        Assert.Equal(expected, result.Result);
        Assert.Null(result.Intervention);
    }

    [Fact]
    public void Table2_EqualsCitedJson()
    {
        JsonElement json = SharedStandards.Load("gb15618-2018-soil.json");
        string[] names = ["HCH", "DDT", "BaP"];

        Assert.Equal(
            json.GetProperty("other_items_table2").EnumerateArray().Select((row, i) => (names[i], row.GetProperty("value").GetDecimal())),
            Gb15618Values.OtherItems);
        Assert.All(json.GetProperty("other_items_table2").EnumerateArray().Select((row, i) => (row, i)),
            r => Assert.Contains(names[r.i], r.row.GetProperty("item").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_UnknownItem_IsNull() => Assert.Null(SoilEvaluator.Evaluate("U", SoilLandUse.Other, 7m, 1m));

    [Fact]
    public void Values_EqualCitedJson()
    {
        JsonElement root = SharedStandards.Load("gb15618-2018-soil.json");
        foreach (JsonElement row in root.GetProperty("screening_values").EnumerateArray())
        {
            string use = row.GetProperty("land_use").GetString()!;
            SoilLandUse? landUse = use == "any" ? null : Enum.Parse<SoilLandUse>(use, ignoreCase: true);
            var ours = Array.Find(Gb15618Values.Screening, r => r.Item == row.GetProperty("item").GetString() && r.LandUse == landUse);
            Assert.Equal(row.GetProperty("values_mg_per_kg").EnumerateArray().Select(v => v.GetDecimal()), ours.Values);
        }

        foreach (JsonElement row in root.GetProperty("intervention_values").EnumerateArray())
        {
            var ours = Array.Find(Gb15618Values.Intervention, r => r.Item == row.GetProperty("item").GetString());
            Assert.Equal(row.GetProperty("values_mg_per_kg").EnumerateArray().Select(v => v.GetDecimal()), ours.Values);
        }

        Assert.Equal(root.GetProperty("ph_bands").EnumerateArray().Select(b => b.GetString()), Gb15618Values.PhBands);
    }
}
