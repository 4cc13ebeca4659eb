using NodaTime;

namespace EcoMonitor.Quality.Tests;

/// <summary>
/// Each falsification sign fires on a synthetic outlet day where its pattern is injected, with evidence naming the times,
/// values and counts, and does not fire on the clean day or on the nearest honest pattern (a short run, a steady plant, a
/// single back-fill, a retransmission).
/// </summary>
[Trait("Area", "Quality")]
public sealed class FalsificationDetectorTests
{
    private static readonly EmissionLimit So2Limit = new(OutletDay.So2, 35m, "permit 91510100MA00000000");

    [Fact]
    public void CleanDay_ScoresZero()
    {
        OutletSuspicion day = new OutletDay().Detect([So2Limit]);

        Assert.Equal(0, day.Score);
        Assert.Empty(day.Signs);
        Assert.Equal(4 * 1440, day.ValuesExamined);
    }

    [Fact]
    public void IdenticalRun_OfTwoAndAHalfHours_IsFoundWithItsTimesAndCount()
    {
        OutletSuspicion day = new OutletDay().Set(OutletDay.So2, OutletDay.At(9), OutletDay.At(11, 30), _ => 25.0m).Detect();

        SuspicionSign sign = Assert.Single(day.Signs, s => s.Sign == FalsificationSignIds.IdenticalRun);
        SuspicionEvidence evidence = Assert.Single(sign.Evidence);
        Assert.Equal(OutletDay.So2, evidence.Parameter);
        Assert.Equal(OutletDay.At(9), evidence.From);
        Assert.Equal(OutletDay.At(11, 30), evidence.To);
        Assert.Equal(150, evidence.Count);
        Assert.Contains("SO2 = 25.0 mg/m³ in 150 consecutive minute values 09:00:00–11:30:00", evidence.Detail, StringComparison.Ordinal);
        Assert.Equal(25 + 30, day.Score);                                   // flat while the flow moved, too
        Assert.Contains(day.Signs, s => s.Sign == FalsificationSignIds.FlatWhileRunning);
    }

    [Fact]
    public void IdenticalRun_ShorterThanTwoHours_IsNotASign()
    {
        OutletSuspicion day = new OutletDay().Set(OutletDay.So2, OutletDay.At(9), OutletDay.At(10, 50), _ => 25.0m).Detect();

        Assert.DoesNotContain(day.Signs, s => s.Sign == FalsificationSignIds.IdenticalRun);
    }

    [Fact]
    public void RepeatedBlock_CopiedHalfHour_IsFoundWhereItWasCopiedFrom()
    {
        var outlet = new OutletDay();
        outlet.Set(OutletDay.Nox, OutletDay.At(14), OutletDay.At(14, 30), o => outlet.ValueAt(OutletDay.Nox, o.PeriodStart - Duration.FromHours(6)));

        OutletSuspicion day = outlet.Detect();

        SuspicionSign sign = Assert.Single(day.Signs);
        Assert.Equal(FalsificationSignIds.RepeatedBlock, sign.Sign);
        Assert.Equal(2, sign.Evidence.Count);                              // 30 copied minutes = two blocks of 12 (and 6 left over)
        Assert.All(sign.Evidence, e => Assert.Equal(OutletDay.Nox, e.Parameter));
        Assert.Equal(OutletDay.At(14), sign.Evidence[0].From);
        Assert.Contains("from 14:00:00", sign.Evidence[0].Detail, StringComparison.Ordinal);
        Assert.Contains("exactly those from 08:00:00", sign.Evidence[0].Detail, StringComparison.Ordinal);
        Assert.Equal(40, day.Score);
    }

    [Fact]
    public void PinnedBelowLimit_MostValuesJustUnderThePermitLimit_IsFound()
    {
        var random = new Random(3);
        OutletSuspicion day = new OutletDay()
            .Set(OutletDay.So2, OutletDay.At(0), OutletDay.At(20), _ => Math.Round(32m + (decimal)random.NextDouble() * 2.9m, 1))
            .Detect([So2Limit]);

        SuspicionSign sign = Assert.Single(day.Signs);
        Assert.Equal(FalsificationSignIds.PinnedBelowLimit, sign.Sign);
        SuspicionEvidence evidence = Assert.Single(sign.Evidence);
        Assert.Equal(1200, evidence.Count);
        Assert.Contains("1200 of 1440 minute values (83.3 %) lie between 31.5 mg/m³ and the limit 35 mg/m³ (permit 91510100MA00000000)", evidence.Detail, StringComparison.Ordinal);
        Assert.Contains("0 value(s) above the limit", evidence.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PinnedBelowLimit_ComparesTheConvertedValue()
    {
        var outlet = new OutletDay();
        for (int i = 0; i < outlet.Values.Count; i++)
        {
            if (outlet.Values[i].Parameter == OutletDay.So2)
            {
                outlet.Values[i] = outlet.Values[i] with { ConvertedValue = 34m };
            }
        }

        Assert.Contains(outlet.Detect([So2Limit]).Signs, s => s.Sign == FalsificationSignIds.PinnedBelowLimit);
        Assert.DoesNotContain(new OutletDay().Detect([So2Limit]).Signs, s => s.Sign == FalsificationSignIds.PinnedBelowLimit);
    }

    [Fact]
    public void ZeroVariance_ThreeParametersFrozenForAnHour_IsFound()
    {
        OutletSuspicion day = new OutletDay()
            .Set(OutletDay.So2, OutletDay.At(10), OutletDay.At(11), _ => 18.2m)
            .Set(OutletDay.Nox, OutletDay.At(10), OutletDay.At(11), _ => 41.0m)
            .Set(OutletDay.O2, OutletDay.At(10), OutletDay.At(11), _ => 8.1m)
            .Detect();

        SuspicionSign sign = Assert.Single(day.Signs, s => s.Sign == FalsificationSignIds.ZeroVariance);
        SuspicionEvidence evidence = Assert.Single(sign.Evidence);
        Assert.Equal(OutletDay.At(10), evidence.From);
        Assert.Equal(OutletDay.At(11), evidence.To);
        Assert.Contains("3 parameters did not vary at all 10:00:00–11:00:00", evidence.Detail, StringComparison.Ordinal);
        Assert.Contains("NOx = 41.0 mg/m³", evidence.Detail, StringComparison.Ordinal);
        Assert.Contains("a19001 = 8.1", evidence.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroVariance_TwoParametersOnly_IsNotASign()
    {
        OutletSuspicion day = new OutletDay()
            .Set(OutletDay.So2, OutletDay.At(10), OutletDay.At(11), _ => 18.2m)
            .Set(OutletDay.Nox, OutletDay.At(10), OutletDay.At(11), _ => 41.0m)
            .Detect();

        Assert.DoesNotContain(day.Signs, s => s.Sign == FalsificationSignIds.ZeroVariance);
    }

    [Fact]
    public void FlatWhileRunning_PollutantFlatForTwoHoursWhileFlowMoves_IsFound()
    {
        OutletSuspicion day = new OutletDay().Set(OutletDay.So2, OutletDay.At(15), OutletDay.At(16, 40), _ => 21.4m).Detect();

        SuspicionSign sign = Assert.Single(day.Signs);
        Assert.Equal(FalsificationSignIds.FlatWhileRunning, sign.Sign);
        SuspicionEvidence evidence = Assert.Single(sign.Evidence);
        Assert.Equal(OutletDay.At(15), evidence.From);
        Assert.Equal(OutletDay.At(16), evidence.To);
        Assert.Contains("SO2 = 21.4 mg/m³ unchanged", evidence.Detail, StringComparison.Ordinal);
        Assert.Contains("while the plant ran: a00000", evidence.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void FlatWhileRunning_FlowAlsoFlat_IsNotASign()
    {
        OutletSuspicion day = new OutletDay()
            .Set(OutletDay.So2, OutletDay.At(15), OutletDay.At(16, 40), _ => 21.4m)
            .Set(OutletDay.Flow, OutletDay.At(15), OutletDay.At(16, 40), o => 120m + (o.PeriodStart - OutletDay.At(15)).Minutes % 2 * 0.5m)
            .Detect();

        Assert.DoesNotContain(day.Signs, s => s.Sign == FalsificationSignIds.FlatWhileRunning);
    }

    [Fact]
    public void TimingBurst_TenMinutesDeliveredAtOnceEveryTenMinutes_IsFound()
    {
        // 09:00–12:00: every ten minutes, the ten minute frames of the last ten minutes arrive 0.1 s apart.
        OutletSuspicion day = new OutletDay()
            .Receive(OutletDay.At(9), OutletDay.At(12), p =>
            {
                Instant batch = OutletDay.Start + Duration.FromMinutes(((long)(p - OutletDay.Start).TotalMinutes / 10 * 10) + 10) + Duration.FromSeconds(4);
                return batch + Duration.FromMilliseconds(100 * (long)(p - OutletDay.Start).TotalMinutes % 1000);
            })
            .Detect();

        SuspicionSign sign = Assert.Single(day.Signs);
        Assert.Equal(FalsificationSignIds.TimingBurst, sign.Sign);
        Assert.Equal(18, sign.Evidence.Count);
        Assert.All(sign.Evidence, e => Assert.Equal(10, e.Count));
        Assert.Contains("10 minute periods 09:00:00–09:09:00 received within 0.9 s at 09:10:04; 18 such bursts 600 s apart", sign.Evidence[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TimingBurst_OneBackFillAfterAnOutage_IsNotASign()
    {
        // Two hours of data back-filled (补传) in one go at 13:00:30.
        OutletSuspicion day = new OutletDay()
            .Receive(OutletDay.At(11), OutletDay.At(13), p => OutletDay.At(13) + Duration.FromSeconds(30) + Duration.FromMilliseconds((long)(p - OutletDay.At(11)).TotalMinutes * 50))
            .Detect();

        Assert.Empty(day.Signs);
    }

    [Fact]
    public void RequestNumberReuse_DifferentFramesWithOneQn_IsFound_RetransmissionIsNot()
    {
        FrameDelivery[] frames =
        [
            new(OutletDay.At(8, 1), "20260303080100123", "aa"),
            new(OutletDay.At(8, 1) + Duration.FromSeconds(20), "20260303080100123", "aa"),   // retransmission: same bytes
            new(OutletDay.At(9, 1), "20260303090100456", "bb"),
            new(OutletDay.At(9, 2), "20260303090100456", "cc"),                             // same QN, other frame
        ];

        OutletSuspicion day = new OutletDay().Detect(frames: frames);

        SuspicionSign sign = Assert.Single(day.Signs);
        Assert.Equal(FalsificationSignIds.RequestNumberReuse, sign.Sign);
        SuspicionEvidence evidence = Assert.Single(sign.Evidence);
        Assert.Contains("QN 20260303090100456 carried by 2 frames with 2 different contents, received 09:01:00–09:02:00", evidence.Detail, StringComparison.Ordinal);
        Assert.Equal(4, day.FramesExamined);
    }

    [Fact]
    public void Score_AddsTheWeightsOfTheSigns_AndStopsAt100()
    {
        var outlet = new OutletDay();
        outlet.Set(OutletDay.So2, OutletDay.At(9), OutletDay.At(11, 30), _ => 25.0m);                   // identical run 25 (+ flat while running 30)
        outlet.Set(OutletDay.Nox, OutletDay.At(14), OutletDay.At(14, 30), o => outlet.ValueAt(OutletDay.Nox, o.PeriodStart - Duration.FromHours(6)));   // repeated block 40

        OutletSuspicion two = outlet.Detect();
        Assert.Equal(95, two.Score);
        Assert.Equal([FalsificationSignIds.RepeatedBlock, FalsificationSignIds.FlatWhileRunning, FalsificationSignIds.IdenticalRun], two.Signs.Select(s => s.Sign));

        FrameDelivery[] frames = [new(OutletDay.At(9), "1", "a"), new(OutletDay.At(9, 1), "1", "b")];
        Assert.Equal(100, outlet.Detect(frames: frames).Score);
    }

    [Fact]
    public void DisabledSign_IsNotReported()
    {
        QualityRuleSet rules = FalsificationConfigTests.Parse("""{ "falsification": { "disabled": ["fake.identical-run"] } }""");

        OutletSuspicion day = new OutletDay().Set(OutletDay.So2, OutletDay.At(9), OutletDay.At(11, 30), _ => 25.0m).Detect(rules: rules);

        Assert.DoesNotContain(day.Signs, s => s.Sign == FalsificationSignIds.IdenticalRun);
    }
}
