using EcoMonitor.Standards.Water;

namespace EcoMonitor.Standards.Tests.Water;

/// <summary>GB 3838-2002 Table 1: every limit of every item (at the limit, just over), pH and DO rules.</summary>
[Trait("Area", "Standards")]
public sealed partial class SurfaceWaterClassifierTests
{
    public static TheoryData<SurfaceWaterItem, WaterBody, int> Limits()
    {
        TheoryData<SurfaceWaterItem, WaterBody, int> data = [];
        foreach (SurfaceWaterItem item in Enum.GetValues<SurfaceWaterItem>().Where(i => i is not (SurfaceWaterItem.pH or SurfaceWaterItem.DO)))
        {
            for (int column = 0; column < 5; column++)
            {
                data.Add(item, WaterBody.River, column);
            }
        }

        for (int column = 0; column < 5; column++)
        {
            data.Add(SurfaceWaterItem.TP, WaterBody.Lake, column);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void Classify_AtLimit_GivesBestClassWithThatLimit(SurfaceWaterItem item, WaterBody body, int column)
    {
        decimal[] limits = Gb3838Limits.For(item, body);
        int best = Array.IndexOf(limits, limits[column]) + 1;   // 从优不从劣: equal limits give the better class

        Assert.Equal((WaterClass)best, SurfaceWaterClassifier.Classify(item, limits[column], body));
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void Classify_JustOverLimit_GivesNextWorseClass(SurfaceWaterItem item, WaterBody body, int column)
    {
        decimal[] limits = Gb3838Limits.For(item, body);
        decimal justOver = limits[column] * 1.0001m;
        int expected = Array.FindIndex(limits, l => justOver <= l) is >= 0 and var i ? i + 1 : 6;

        Assert.Equal((WaterClass)expected, SurfaceWaterClassifier.Classify(item, justOver, body));
        Assert.True(expected > column + 1);
    }

    [Theory]
    [InlineData("COD", "15", WaterClass.I)]        // README rule 8: shared limit → better class
    [InlineData("TP", "0.03", WaterClass.II)]
    [InlineData("NH3N", "2.01", WaterClass.WorseThanV)]
    [InlineData("DO", "7.5", WaterClass.I)]
    [InlineData("DO", "7.49", WaterClass.II)]
    [InlineData("DO", "5", WaterClass.III)]
    [InlineData("DO", "2", WaterClass.V)]
    [InlineData("DO", "1.99", WaterClass.WorseThanV)]
    [InlineData("pH", "6", WaterClass.I)]
    [InlineData("pH", "9", WaterClass.I)]
    [InlineData("pH", "5.99", WaterClass.WorseThanV)]
    [InlineData("pH", "9.01", WaterClass.WorseThanV)]
    public void Classify_River_Examples(string item, string value, WaterClass expected)
    {
        Assert.Equal(expected, SurfaceWaterClassifier.Classify(Enum.Parse<SurfaceWaterItem>(item),
            decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), WaterBody.River));
    }

    [Fact]
    public void Classify_LakeTp_UsesLakeLimits()
    {
        Assert.Equal(WaterClass.III, SurfaceWaterClassifier.Classify(SurfaceWaterItem.TP, 0.05m, WaterBody.Lake));
        Assert.Equal(WaterClass.I, SurfaceWaterClassifier.Classify(SurfaceWaterItem.TP, 0.02m, WaterBody.River));
    }
}
