using System.Text.Json;
using EcoMonitor.Standards.Groundwater;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Standards.Tests.Groundwater;

/// <summary>GB/T 14848-2017 Table 1 and clauses 6.2/6.3: every limit of every numeric item, pH, overall class.</summary>
[Trait("Area", "Standards")]
public sealed class GroundwaterClassifierTests
{
    public static TheoryData<string, int> Limits()
    {
        TheoryData<string, int> data = [];
        foreach (GroundwaterItemLimits row in Gbt14848Limits.Rows)
        {
            for (int column = 0; column < row.Limits.Length; column++)
            {
                if (row.Limits[column] is not null)
                {
                    data.Add(row.Name, column);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void Classify_AtLimitBestClass_JustOverWorse(string item, int column)
    {
        decimal?[] limits = Gbt14848Limits.Find(item)!.Limits;
        decimal limit = limits[column]!.Value;
        int best = Array.IndexOf(limits, limit) + 1;
        decimal justOver = limit == 0m ? 0.0001m : limit * 1.0001m;
        int worse = Array.FindIndex(limits, l => l is null || justOver <= l) is >= 0 and var i ? i + 1 : 5;

        Assert.True(GroundwaterClassifier.TryClassify(item, limit, out WaterClass at));
        Assert.True(GroundwaterClassifier.TryClassify(item, justOver, out WaterClass over));
        Assert.Equal((WaterClass)best, at);
        Assert.Equal((WaterClass)worse, over);
        Assert.True(over > at);
    }

    [Theory]
    [InlineData("6.5", WaterClass.I)]
    [InlineData("8.5", WaterClass.I)]
    [InlineData("6.49", WaterClass.IV)]
    [InlineData("5.5", WaterClass.IV)]
    [InlineData("9.0", WaterClass.IV)]
    [InlineData("5.49", WaterClass.V)]
    [InlineData("9.01", WaterClass.V)]
    public void Classify_Ph_ByRange(string value, WaterClass expected)
    {
        Assert.True(GroundwaterClassifier.TryClassify("pH", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), out WaterClass result));
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Overall_IsWorstItemAndNamesIt()
    {
        var overall = GroundwaterClassifier.Overall(new Dictionary<string, WaterClass>
        {
            ["NH3N"] = WaterClass.III, ["Fe"] = WaterClass.IV, ["Mn"] = WaterClass.IV,
        });

        Assert.Equal(WaterClass.IV, overall!.Value.Class);
        Assert.Equal(["Fe", "Mn"], overall.Value.WorstItems);
        Assert.False(GroundwaterClassifier.TryClassify("Unobtainium", 1m, out _));
    }

    [Fact]
    public void Limits_EqualCitedJson()
    {
        JsonElement rows = SharedStandards.Load("gbt14848-2017-groundwater.json").GetProperty("table1_conventional_items");
        foreach (GroundwaterItemLimits ours in Gbt14848Limits.Rows)
        {
            JsonElement row = rows.EnumerateArray().Single(r => r.GetProperty("no").GetInt32() == ours.No);
            string[] columns = ["I", "II", "III", "IV"];
            for (int i = 0; i < columns.Length; i++)
            {
                string text = row.GetProperty(columns[i]).GetString()!;
                decimal? expected = text.StartsWith("<=", StringComparison.Ordinal)
                    ? decimal.Parse(text[2..], System.Globalization.CultureInfo.InvariantCulture)
                    : text == "not detectable" ? 0m : null;
                Assert.Equal(expected, ours.Limits[i]);
            }
        }
    }
}
