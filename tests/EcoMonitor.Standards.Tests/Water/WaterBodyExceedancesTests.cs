using EcoMonitor.Standards.Water;

namespace EcoMonitor.Standards.Tests.Water;

/// <summary>
/// Exceeding items of a river or basin (地表水环境质量评价办法（试行）二(四), recalled): by section exceedance rate, then by
/// the largest multiple; main items only when rated 轻度污染 or worse. River limits of GB 3838-2002 Table 1: NH3-N class
/// III 1.0, TP 0.2 mg/L; DO class III 5 mg/L.
/// </summary>
[Trait("Area", "Reports")]
public sealed class WaterBodyExceedancesTests
{
    [Fact]
    public void Of_OrdersByRateThenMultiple_PhAndDoWithoutMultiple()
    {
        SectionAssessment[] sections =
        [
            Section(new() { [SurfaceWaterItem.NH3N] = 1.2m, [SurfaceWaterItem.TP] = 0.4m }),   // NH3-N 0.2, TP 1.0
            Section(new() { [SurfaceWaterItem.NH3N] = 2.5m, [SurfaceWaterItem.DO] = 4m }),     // NH3-N 1.5, DO IV
            Section(new() { [SurfaceWaterItem.NH3N] = 0.5m, [SurfaceWaterItem.TP] = 0.1m }),   // class II
            Section(new() { [SurfaceWaterItem.TP] = 0.25m }),                                  // TP 0.25
        ];

        IReadOnlyList<ItemExceedance> items = WaterBodyExceedances.Of(sections);

        // NH3-N and TP both at 2 of 4 sections (50 %): NH3-N first by its larger multiple (1.5 against TP's 1.0); DO at 1 of 4
        // (25 %), without a multiple.
        Assert.Equal(
            [(SurfaceWaterItem.NH3N, 2, 50.0m, (decimal?)1.5m), (SurfaceWaterItem.TP, 2, 50.0m, 1.0m), (SurfaceWaterItem.DO, 1, 25.0m, null)],
            items.Select(i => (i.Item, i.Sections, i.Rate, i.MaxMultiple)));
    }

    [Fact]
    public void MainItems_FirstThree_OnlyWhenPolluted()
    {
        ItemExceedance[] items =
        [
            new(SurfaceWaterItem.TP, 3, 60m, 1m), new(SurfaceWaterItem.NH3N, 2, 40m, 1m),
            new(SurfaceWaterItem.CODMn, 1, 20m, 0.5m), new(SurfaceWaterItem.DO, 1, 20m, null),
        ];

        Assert.Equal([SurfaceWaterItem.TP, SurfaceWaterItem.NH3N, SurfaceWaterItem.CODMn], WaterBodyExceedances.MainItems(items, "轻度污染"));
        Assert.Empty(WaterBodyExceedances.MainItems(items, "良好"));
        Assert.Empty(WaterBodyExceedances.Of([]));
    }

    private static SectionAssessment Section(Dictionary<SurfaceWaterItem, decimal> sample) => SectionEvaluator.Evaluate(sample, WaterBody.River)!;
}
