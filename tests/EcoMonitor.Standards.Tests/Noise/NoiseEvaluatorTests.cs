using System.Text.Json;
using EcoMonitor.Standards.Noise;

namespace EcoMonitor.Standards.Tests.Noise;

/// <summary>GB 3096-2008 clause 3 (periods), 5.1 Table 1 (limits), 5.4 (night Lmax), LAeq definition.</summary>
[Trait("Area", "Standards")]
public sealed class NoiseEvaluatorTests
{
    [Theory]
    [InlineData(5, 59, false)]
    [InlineData(6, 0, true)]
    [InlineData(21, 59, true)]
    [InlineData(22, 0, false)]
    [InlineData(0, 0, false)]
    public void IsDay_SixToTwentyTwo(int hour, int minute, bool isDay) =>
        Assert.Equal(isDay, NoiseEvaluator.IsDay(hour, minute));

    [Theory]
    [InlineData("0", 50, 40)]
    [InlineData("1", 55, 45)]
    [InlineData("2", 60, 50)]
    [InlineData("3", 65, 55)]
    [InlineData("4a", 70, 55)]
    [InlineData("4b", 70, 60)]
    public void Evaluate_AtLimitComplies_JustOverExceeds(string zone, int day, int night)
    {
        NoiseZoneLimit limits = Gb3096Limits.Find(zone)!;

        NoiseAssessment at = NoiseEvaluator.Evaluate(limits, day, night, night + 15);
        NoiseAssessment over = NoiseEvaluator.Evaluate(limits, day + 0.1m, night + 0.1m, night + 15.1m);

        Assert.Equal(new NoiseAssessment(true, 0m, true, 0m, night + 15, true), at);
        Assert.Equal(new NoiseAssessment(false, 0.1m, false, 0.1m, night + 15, false), over);
    }

    [Fact]
    public void Evaluate_WithoutLmax_HasNoLmaxVerdict()
    {
        NoiseAssessment result = NoiseEvaluator.Evaluate(Gb3096Limits.Find("1")!, 50m, null, null);

        Assert.Null(result.IsNightMaxCompliant);
        Assert.Null(result.IsNightCompliant);
        Assert.True(result.IsDayCompliant);
    }

    [Fact]
    public void Leq_IsEnergyMean()
    {
        Assert.Equal(60, NoiseEvaluator.Leq([60, 60, 60])!.Value, 10);
        Assert.Equal(10 * Math.Log10((1e6 + 1e7) / 2), NoiseEvaluator.Leq([60, 70])!.Value, 10);
        Assert.Null(NoiseEvaluator.Leq([]));
    }

    [Fact]
    public void Limits_EqualCitedJson()
    {
        JsonElement rows = SharedStandards.Load("gb3096-2008-noise.json").GetProperty("limits");

        Assert.Equal(
            rows.EnumerateArray().Select(r => (r.GetProperty("zone").GetString(), r.GetProperty("day_dBA").GetDecimal(), r.GetProperty("night_dBA").GetDecimal())),
            Gb3096Limits.Rows.Select(r => ((string?)r.Zone, r.Day, r.Night)));
    }
}
