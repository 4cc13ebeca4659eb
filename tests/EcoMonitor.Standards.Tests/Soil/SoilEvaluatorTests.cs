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
