using EcoMonitor.Standards.Air;
using NodaTime;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>HJ 663-2013 clause 5: annual statistics and compliance per pollutant, GB 3095-2012 Table 1 limits.</summary>
[Trait("Area", "Standards")]
public sealed class PeriodEvaluatorTests
{
    private static readonly LocalDate January1 = new(2019, 1, 1);

    [Fact]
    public void Evaluate_Pm25_MeanAnd95thPercentileAgainstClass2()
    {
        decimal?[] days = [.. Enumerable.Range(0, 365).Select(i => (decimal?)(i < 20 ? 100m : 30m))];

        PeriodStatistics stats = PeriodEvaluator.Evaluate(AirPollutant.Pm25, January1, days);

        Assert.Equal(365, stats.ValidDays);
        Assert.True(stats.IsValid);
        Assert.Equal(34m, stats.Mean);                 // (20·100 + 345·30) / 365 = 33.84 → 34
        Assert.Equal(95, stats.PercentileRank);
        Assert.Equal(100m, stats.Percentile);          // 20 of 365 days above: p95 lies among them
        Assert.Equal(20, stats.ExceedanceDays);        // > 75 µg/m³
        Assert.Equal(94.5m, stats.ComplianceRate);     // 345 / 365 = 94.52 %
        Assert.False(stats.IsCompliant);               // percentile 100 > 75
        Assert.Null(stats.MeanExceedMultiple);         // 34 ≤ 35
        Assert.Equal(0.33m, stats.PercentileExceedMultiple);   // (100 − 75) / 75 = 0.333
        Assert.False(PeriodEvaluator.IsOverallCompliant([stats]));
    }

    [Fact]
    public void Evaluate_O3_UsesThe90thPercentileOfDailyMaxEightHourAndNoMean()
    {
        decimal?[] days = [.. Enumerable.Range(0, 365).Select(i => (decimal?)(i % 10 == 0 ? 170m : 120m))];

        PeriodStatistics stats = PeriodEvaluator.Evaluate(AirPollutant.O3, January1, days);

        Assert.Null(stats.Mean);
        Assert.Equal(90, stats.PercentileRank);
        Assert.Equal(37, stats.ExceedanceDays);
        Assert.Equal(150m, stats.Percentile);  // k = 328.6: X(328) = 120, X(329) = 170 → 120 + 0.6·50
        Assert.True(stats.IsCompliant);
    }

    [Fact]
    public void Evaluate_Co_ComparesTheRoundedPercentileWithTheDailyLimit()
    {
        decimal?[] days = [.. Enumerable.Range(0, 365).Select(_ => (decimal?)4.04m)];

        PeriodStatistics stats = PeriodEvaluator.Evaluate(AirPollutant.Co, January1, days);

        Assert.Equal(4.0m, stats.Percentile);          // GB/T 8170 to 1 decimal
        Assert.True(stats.IsCompliant);
        Assert.Equal(0, stats.ExceedanceDays);
    }

    [Fact]
    public void Evaluate_Class1_UsesClass1Limits()
    {
        decimal?[] days = [.. Enumerable.Range(0, 365).Select(_ => (decimal?)20m)];

        Assert.True(PeriodEvaluator.Evaluate(AirPollutant.Pm25, January1, days).IsCompliant);
        Assert.False(PeriodEvaluator.Evaluate(AirPollutant.Pm25, January1, days, AirQualityClass.Class1).IsCompliant);
    }

    [Fact]
    public void IsOverallCompliant_AllComply_TrueAndUnknownItemMakesItUnknown()
    {
        decimal?[] clean = [.. Enumerable.Range(0, 365).Select(_ => (decimal?)10m)];
        PeriodStatistics so2 = PeriodEvaluator.Evaluate(AirPollutant.So2, January1, clean);
        PeriodStatistics empty = PeriodEvaluator.Evaluate(AirPollutant.No2, January1, [.. Enumerable.Repeat<decimal?>(null, 365)]);

        Assert.True(PeriodEvaluator.IsOverallCompliant([so2]));
        Assert.Null(PeriodEvaluator.IsOverallCompliant([so2, empty]));
        Assert.False(empty.IsValid);
    }
}
