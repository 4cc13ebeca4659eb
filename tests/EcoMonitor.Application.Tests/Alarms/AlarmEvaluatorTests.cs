using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using NodaTime;
using static EcoMonitor.Application.Tests.Alarms.AlarmSome;

namespace EcoMonitor.Application.Tests.Alarms;

[Trait("Area", "Alarms")]
public sealed class AlarmEvaluatorTests
{
    [Fact]
    public void Exceedance_ValueEqualToLimit_IsCompliant()
    {
        AlarmRule rule = Exceedance(100m);

        Assert.False(AlarmEvaluator.IsHit(rule, 100m, 100m, DataFlag.Normal));
        Assert.True(AlarmEvaluator.IsHit(rule, 100m, 100.1m, DataFlag.Normal));
    }

    [Fact]
    public void Exceedance_FlaggedValue_IsNoHit()
    {
        Assert.False(AlarmEvaluator.IsHit(Exceedance(100m), 100m, 500m, DataFlag.Parse("D")));
    }

    [Fact]
    public void Below_DissolvedOxygenUnderLimit_IsHit()
    {
        AlarmRule rule = Exceedance(5m) with { Direction = LimitDirection.Below, Parameter = ParameterCode.Parse("w01009") };

        Assert.True(AlarmEvaluator.IsHit(rule, 5m, 4.9m, DataFlag.Normal));
        Assert.False(AlarmEvaluator.IsHit(rule, 5m, 5m, DataFlag.Normal));
    }

    [Fact]
    public void ThreeConsecutive_TwoHoursOver_NoEpisode()
    {
        ConditionResult result = AlarmEvaluator.Evaluate(Exceedance(100m, 3), 100m, Hourly(50, 120, 130, 40), Hour(2));

        Assert.False(result.HasEpisode);
        Assert.False(result.IsActiveAtLatest);
    }

    [Fact]
    public void ThreeConsecutive_ThreeHoursOver_EpisodeWithPeakAndActive()
    {
        ConditionResult result = AlarmEvaluator.Evaluate(Exceedance(100m, 3), 100m, Hourly(50, 120, 150, 130), Hour(3));

        Assert.True(result.HasEpisode);
        Assert.Equal(Hour(1), result.EpisodeStart);
        Assert.Equal(Hour(3), result.EpisodeLast);
        Assert.Equal(3, result.Hits);
        Assert.Equal(150m, result.Peak);
        Assert.True(result.IsActiveAtLatest);
    }

    [Fact]
    public void ThreeConsecutive_LateMiddleHourCompletesRun_FoundAtTheLateHour()
    {
        // Hours 1 and 3 arrived first; hour 2 arrives late, then hour 4 is back to normal.
        ConditionResult result = AlarmEvaluator.Evaluate(Exceedance(100m, 3), 100m, Hourly(50, 120, 125, 130, 60), Hour(2));

        Assert.True(result.HasEpisode);
        Assert.Equal(Hour(1), result.EpisodeStart);
        Assert.Equal(Hour(3), result.EpisodeLast);
        Assert.False(result.IsActiveAtLatest);
    }

    [Fact]
    public void ThreeConsecutive_MissingHourBreaksTheRun()
    {
        ConditionResult result = AlarmEvaluator.Evaluate(Exceedance(100m, 3), 100m, Hourly(120, 130, null, 140), Hour(3));

        Assert.False(result.HasEpisode);
    }

    [Fact]
    public void CountInWindow_ThreeOfSixHours_Fires()
    {
        AlarmRule rule = Exceedance(100m) with { WindowPeriods = 6, MinCount = 3 };

        ConditionResult two = AlarmEvaluator.Evaluate(rule, 100m, Hourly(120, 50, 50, 130, 50), Hour(3));
        ConditionResult three = AlarmEvaluator.Evaluate(rule, 100m, Hourly(120, 50, 50, 130, 50, 140), Hour(5));

        Assert.False(two.HasEpisode);
        Assert.True(three.HasEpisode);
        Assert.Equal(Hour(0), three.EpisodeStart);
        Assert.Equal(3, three.Hits);
        Assert.True(three.IsActiveAtLatest);
    }

    [Fact]
    public void CountInWindow_HitsFartherApartThanTheWindow_DoNotFire()
    {
        AlarmRule rule = Exceedance(100m) with { WindowPeriods = 3, MinCount = 2 };

        Assert.False(AlarmEvaluator.Evaluate(rule, 100m, Hourly(120, 50, 50, 130), Hour(3)).HasEpisode);
    }

    [Fact]
    public void RateOfRise_Nh3nDoublingInFourHours_Fires()
    {
        AlarmRule rule = new()
        {
            Id = "nh3n-rise", Name = "NH3-N doubling", Kind = AlarmRuleKind.RateOfRise, Parameter = ParameterCode.Parse("w21003"),
            RiseFactor = 2m, RiseHours = 4,
        };

        ConditionResult slow = AlarmEvaluator.Evaluate(rule, null, Hourly(0.5m, 0.6m, 0.7m, 0.8m, 0.99m), Hour(4));
        ConditionResult doubled = AlarmEvaluator.Evaluate(rule, null, Hourly(0.5m, 0.6m, 0.7m, 0.8m, 1.0m), Hour(4));

        Assert.False(slow.HasEpisode);
        Assert.True(doubled.HasEpisode);
        Assert.Equal(1.0m, doubled.Peak);
    }

    [Fact]
    public void FlatLine_SixEqualValues_FiresAndFiveDoNot()
    {
        AlarmRule rule = new() { Id = "flat", Name = "flat", Kind = AlarmRuleKind.FlatLine, Parameter = ParameterCode.Parse("a21026"), Consecutive = 6 };

        Assert.False(AlarmEvaluator.Evaluate(rule, null, Hourly(9, 12, 12, 12, 12, 12), Hour(5)).HasEpisode);
        Assert.True(AlarmEvaluator.Evaluate(rule, null, Hourly(12, 12, 12, 12, 12, 12), Hour(5)).HasEpisode);
    }

    [Fact]
    public void FocusOnALateValue_FindsTheEpisodeItMakesInTheFollowingPeriods()
    {
        // Flat line of 3 equal values: the late hour 0 makes hour 1 a repeat; the episode (repeats at 1 and 2) depends on it.
        AlarmRule flat = new() { Id = "flat", Name = "flat", Kind = AlarmRuleKind.FlatLine, Parameter = ParameterCode.Parse("a21026"), Consecutive = 3 };
        ConditionResult found = AlarmEvaluator.Evaluate(flat, null, Hourly(20, 20, 20, 9), Hour(0));
        Assert.Equal((true, Hour(1), Hour(2)), (found.HasEpisode, found.EpisodeStart, found.EpisodeLast));
        Assert.False(AlarmEvaluator.Evaluate(flat, null, Hourly(19, 20, 20, 9), Hour(0)).HasEpisode);

        // Rise ×2 in 4 hours: the late hour 0 (0.3) makes hour 4 (0.7) a hit; hour 1 is not compared with anything there.
        AlarmRule rise = new()
        {
            Id = "rise", Name = "rise", Kind = AlarmRuleKind.RateOfRise, Parameter = ParameterCode.Parse("w21003"), RiseFactor = 2m, RiseHours = 4,
        };
        ConditionResult risen = AlarmEvaluator.Evaluate(rise, null, Hourly(0.3m, 0.5m, 0.55m, 0.6m, 0.7m, 0.9m), Hour(0));
        Assert.Equal((true, Hour(4)), (risen.HasEpisode, risen.EpisodeStart));
        Assert.False(AlarmEvaluator.Evaluate(rise, null, Hourly(0.4m, 0.5m, 0.55m, 0.6m, 0.7m, 0.9m), Hour(0)).HasEpisode);
    }

    [Fact]
    public void FaultFlag_ThreeHoursOfD_Fires()
    {
        AlarmRule rule = new() { Id = "fault", Name = "fault", Kind = AlarmRuleKind.FaultFlag, Consecutive = 3 };
        AlarmSample[] samples =
        [
            new(Hour(0), 1m, DataFlag.Parse("D")), new(Hour(1), 1m, DataFlag.Parse("D")), new(Hour(2), 1m, DataFlag.Parse("D")),
        ];

        Assert.True(AlarmEvaluator.Evaluate(rule, null, samples, Hour(2)).HasEpisode);
        Assert.False(AlarmEvaluator.Evaluate(rule, null, samples[..2], Hour(1)).HasEpisode);
    }

    [Fact]
    public void Step_OfEachInterval()
    {
        Assert.Equal(Duration.FromHours(1), AlarmEvaluator.Step(ObservationInterval.Hour));
        Assert.Equal(Duration.FromMinutes(1), AlarmEvaluator.Step(ObservationInterval.Minute));
        Assert.Equal(Duration.Zero, AlarmEvaluator.Step(ObservationInterval.RealTime));
    }
}
