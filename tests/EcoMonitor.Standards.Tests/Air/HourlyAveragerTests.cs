using EcoMonitor.Standards.Air;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>GB 3095-2012 clause 7 Table 4: hours a 24-h mean and an O3 8-h mean need.</summary>
[Trait("Area", "Standards")]
public sealed class HourlyAveragerTests
{
    [Fact]
    public void DailyMean_TwentyValidHours_IsValid()
    {
        MeanResult mean = HourlyAverager.DailyMean(Hours(valid: 20, total: 24, value: 30m));

        Assert.Equal(new MeanResult(20, true, 30m), mean);
    }

    [Fact]
    public void DailyMean_NineteenValidHours_IsInvalid()
    {
        MeanResult mean = HourlyAverager.DailyMean(Hours(valid: 19, total: 24, value: 30m));

        Assert.Equal(19, mean.Count);
        Assert.False(mean.IsValid);
    }

    [Fact]
    public void EightHourMean_SixValues_IsValidAndFiveIsNot()
    {
        Assert.True(HourlyAverager.EightHourMean(Hours(valid: 6, total: 8, value: 100m)).IsValid);
        Assert.False(HourlyAverager.EightHourMean(Hours(valid: 5, total: 8, value: 100m)).IsValid);
    }

    [Fact]
    public void DailyMean_IsExactArithmeticMean()
    {
        MeanResult mean = HourlyAverager.DailyMean(new decimal?[] { 1m, 2m, null, 2m });

        Assert.Equal(5m / 3m, mean.Value);
    }

    internal static decimal?[] Hours(int valid, int total, decimal value) =>
        [.. Enumerable.Range(0, total).Select(i => i < valid ? value : (decimal?)null)];
}
