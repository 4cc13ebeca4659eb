using EcoMonitor.Standards.Water;

namespace EcoMonitor.Standards.Tests.Water;

/// <summary>地表水环境质量评价办法（试行）: section class, exceedance, main pollutants, basin rating, TLI, CWQI.</summary>
[Trait("Area", "Standards")]
public sealed class SectionEvaluatorTests
{
    [Fact]
    public void Evaluate_WorstItemDecides_TnAndFecalColiformSeparate()
    {
        Dictionary<SurfaceWaterItem, decimal> sample = new()
        {
            [SurfaceWaterItem.pH] = 7.5m, [SurfaceWaterItem.DO] = 4m, [SurfaceWaterItem.NH3N] = 1.2m,
            [SurfaceWaterItem.TN] = 3m, [SurfaceWaterItem.FecalColi] = 50000m,
        };

        SectionAssessment section = SectionEvaluator.Evaluate(sample, WaterBody.River)!;

        Assert.Equal(WaterClass.IV, section.Class);           // DO 4 and NH3-N 1.2 are IV; TN 劣V is not counted
        Assert.Equal([SurfaceWaterItem.DO, SurfaceWaterItem.NH3N], section.WorstItems);
        Assert.Equal(WaterClass.WorseThanV, section.Separate[SurfaceWaterItem.TN]);
        Assert.Equal(0.2m, section.ExceedMultiples[SurfaceWaterItem.NH3N]);   // (1.2 − 1.0) / 1.0
        Assert.False(section.ExceedMultiples.ContainsKey(SurfaceWaterItem.DO));
        Assert.Equal([SurfaceWaterItem.NH3N], section.MainPollutants);
        Assert.Equal("轻度污染", section.Quality);
    }

    [Fact]
    public void Evaluate_ClassThree_HasNoMainPollutant()
    {
        SectionAssessment section = SectionEvaluator.Evaluate(
            new Dictionary<SurfaceWaterItem, decimal> { [SurfaceWaterItem.COD] = 20m }, WaterBody.River)!;

        Assert.Equal(WaterClass.III, section.Class);
        Assert.Empty(section.MainPollutants);
        Assert.Equal("良好", section.Quality);
    }

    [Fact]
    public void Evaluate_MainPollutants_AreTheThreeLargestMultiples()
    {
        Dictionary<SurfaceWaterItem, decimal> sample = new()
        {
            [SurfaceWaterItem.COD] = 30m, [SurfaceWaterItem.NH3N] = 3m, [SurfaceWaterItem.TP] = 0.4m, [SurfaceWaterItem.BOD5] = 10m,
        };

        SectionAssessment section = SectionEvaluator.Evaluate(sample, WaterBody.River)!;

        Assert.Equal([SurfaceWaterItem.NH3N, SurfaceWaterItem.BOD5, SurfaceWaterItem.TP], section.MainPollutants);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 3, 3, 3, 3, 3, 3, 4 }, "优")]          // 90 %
    [InlineData(new[] { 1, 2, 3, 3, 3, 3, 3, 3, 4, 4 }, "良好")]        // 80 %
    [InlineData(new[] { 1, 2, 3, 4 }, "良好")]                          // 75 %
    [InlineData(new[] { 1, 4, 5, 6, 5 }, "中度污染")]                   // 20 % 劣V
    [InlineData(new[] { 1, 4, 5, 4, 5 }, "轻度污染")]
    [InlineData(new[] { 6, 6, 1, 4, 5 }, "重度污染")]                   // 40 % 劣V
    public void BasinRating_BySharesOfSections(int[] classes, string expected)
    {
        string? quality = BasinRating.Rate([.. classes.Select(c => (WaterClass)c)]);

        Assert.Equal(expected, quality);
    }

    [Theory]
    [InlineData(1.0, 0.01, 0.2, 5.0, 1.0, "贫营养")]
    [InlineData(10.0, 0.05, 1.0, 1.0, 4.0, "中营养")]
    [InlineData(50.0, 0.2, 2.0, 0.5, 8.0, "中度富营养")]
    public void Tli_StatesByBand(double chla, double tp, double tn, double sd, double codmn, string state)
    {
        double tli = TrophicLevelIndex.Compute(chla, tp, tn, sd, codmn);

        Assert.Equal(state, TrophicLevelIndex.State(tli));
    }

    [Fact]
    public void Tli_ReferencePoint_EqualsTheWeightedSum()
    {
        // All logarithms 0: TLI = 10·(0.2663·2.5 + 0.1879·9.436 + 0.179·5.453 + 0.1834·5.118 + 0.1834·0.109).
        double expected = 10 * ((0.2663 * 2.5) + (0.1879 * 9.436) + (0.179 * 5.453) + (0.1834 * 5.118) + (0.1834 * 0.109));

        Assert.Equal(expected, TrophicLevelIndex.Compute(1, 1, 1, 1, 1), 10);
        Assert.Equal("贫营养", TrophicLevelIndex.State(29.99));
        Assert.Equal("中营养", TrophicLevelIndex.State(50));
        Assert.Equal("中度富营养", TrophicLevelIndex.State(70));
        Assert.Equal("重度富营养", TrophicLevelIndex.State(70.01));
    }

    [Fact]
    public void Cwqi_ItemRules()
    {
        Assert.Equal(1m, Cwqi.Item(SurfaceWaterItem.DO, 5m, WaterBody.River));
        Assert.Equal(0.5m, Cwqi.Item(SurfaceWaterItem.pH, 8m, WaterBody.River));
        Assert.Equal(1m, Cwqi.Item(SurfaceWaterItem.pH, 6m, WaterBody.River));
        Assert.Equal(2m, Cwqi.Item(SurfaceWaterItem.TP, 0.1m, WaterBody.Lake));      // lake TP Cs 0.05
        Assert.Equal(0.5m, Cwqi.Item(SurfaceWaterItem.TP, 0.1m, WaterBody.River));   // river TP Cs 0.2
        Assert.Equal(2m, Cwqi.City([1.5m, 2.5m]));
    }

    [Fact]
    public void Cwqi_Section_LeavesOutTnAndFecalColiform()
    {
        Dictionary<SurfaceWaterItem, decimal> sample = new()
        {
            [SurfaceWaterItem.COD] = 20m, [SurfaceWaterItem.TN] = 5m, [SurfaceWaterItem.FecalColi] = 1000m,
        };

        Assert.Equal(1m, Cwqi.Section(sample, WaterBody.River));
    }
}
