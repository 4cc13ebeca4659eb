using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality.Tests;

/// <summary>
/// Every rule fires where a fault is injected into a week of real data (station 1431A 金泉两河, Chengdu, July 2019),
/// at exactly the faulty value, with the expected severity and a reason that names the value — and did not fire there
/// before the fault was injected.
/// </summary>
[Trait("Area", "Quality")]
public sealed class InjectedFaultTests : IClassFixture<Cnemc2019>
{
    private static readonly ParameterCode Pm25 = ParameterCode.Parse("a34004");
    private static readonly ParameterCode Pm10 = ParameterCode.Parse("a34002");
    private static readonly ParameterCode So2 = ParameterCode.Parse("a21026");
    private static readonly ParameterCode No2 = ParameterCode.Parse("a21004");
    private static readonly ParameterCode O3 = ParameterCode.Parse("a05024");
    private static readonly Instant WeekStart = ChinaTime.ToInstant(new LocalDateTime(2019, 7, 8, 0, 0));
    private static readonly Instant At = WeekStart + Duration.FromHours(80);

    private readonly List<Observation> _week;

    public InjectedFaultTests(Cnemc2019 data)
    {
        _week = data.StationYear("1431A").FindAll(o => o.PeriodStart >= WeekStart && o.PeriodStart < WeekStart + Duration.FromDays(7));
        Assert.True(_week.Count > 900, "the week has data");
    }

    [Theory]
    [InlineData("D", QualityRuleIds.FlagInvalid, QualitySeverity.Invalid, "instrument fault")]
    [InlineData("C", QualityRuleIds.FlagInvalid, QualitySeverity.Invalid, "calibration")]
    [InlineData("M", QualityRuleIds.FlagInvalid, QualitySeverity.Invalid, "maintenance")]
    [InlineData("F", QualityRuleIds.FlagInvalid, QualitySeverity.Invalid, "stopped")]
    [InlineData("T", QualityRuleIds.FlagInvalid, QualitySeverity.Invalid, "measuring range")]
    [InlineData("B", QualityRuleIds.FlagInvalid, QualitySeverity.Invalid, "communication")]
    [InlineData("S", QualityRuleIds.FlagManual, QualitySeverity.Marked, "manually")]
    [InlineData("Z9", QualityRuleIds.FlagUnknown, QualitySeverity.Invalid, "'Z9' is not defined")]
    public void Flag_IsMappedToValidity(string flag, string rule, QualitySeverity severity, string reason) =>
        AssertFires(Pm25, At, o => o with { Flag = DataFlag.Parse(flag) }, rule, severity, reason);

    [Fact]
    public void AboveMaximum_IsInvalid() =>
        AssertFires(Pm25, At, o => o with { Value = 1500m }, QualityRuleIds.PhysicalRange, QualitySeverity.Invalid, "PM2.5 = 1500 µg/m³ is above the plausible maximum 1000");

    [Fact]
    public void Negative_IsInvalid() =>
        AssertFires(So2, At, o => o with { Value = -3m }, QualityRuleIds.Negative, QualitySeverity.Invalid, "SO2 = -3 µg/m³ is negative");

    [Fact]
    public void FlatLine_MarksEveryValueOfTheRun()
    {
        List<Observation> faulty = Replace(Pm10, At, 10, (o, _) => o with { Value = 88m });

        IReadOnlyList<QualityFinding> findings = QualityRules.Checker().Check(StationType.AirQuality, faulty);

        for (int h = 0; h < 10; h++)
        {
            Assert.Contains(findings, f => f.Parameter == Pm10 && f.PeriodStart == At + Duration.FromHours(h) && f.Rule == QualityRuleIds.FlatLine && f.Reason.Contains("10 consecutive", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(findings, f => f.Rule == QualityRuleIds.FlatLine && (f.PeriodStart < At || f.PeriodStart >= At + Duration.FromHours(10)));
    }

    [Fact]
    public void IsolatedJump_IsASpike_NotARateOfChange()
    {
        List<Observation> faulty = Replace(O3, At, 1, (o, _) => o with { Value = (o.Value * 5) + 400 });

        IReadOnlyList<QualityFinding> findings = QualityRules.Checker().Check(StationType.AirQuality, faulty);

        QualityFinding spike = Assert.Single(findings, f => f.Parameter == O3 && f.PeriodStart == At && f.Rule == QualityRuleIds.Spike);
        Assert.Equal(QualitySeverity.Suspect, spike.Severity);
        Assert.Contains("isolated jump", spike.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Parameter == O3 && f.PeriodStart == At && f.Rule == QualityRuleIds.RateOfChange);
    }

    [Fact]
    public void SustainedStep_IsARateOfChange_AtTheStep()
    {
        List<Observation> faulty = Replace(No2, At, 6, (o, _) => o with { Value = o.Value + 600 });

        IReadOnlyList<QualityFinding> findings = QualityRules.Checker().Check(StationType.AirQuality, faulty);

        Assert.Contains(findings, f => f.Parameter == No2 && f.PeriodStart == At && f.Rule == QualityRuleIds.RateOfChange);
        Assert.Contains(findings, f => f.Parameter == No2 && f.PeriodStart == At + Duration.FromHours(6) && f.Rule == QualityRuleIds.RateOfChange);
        Assert.DoesNotContain(findings, f => f.Parameter == No2 && f.PeriodStart == At + Duration.FromHours(2) && f.Rule == QualityRuleIds.RateOfChange);
    }

    [Fact]
    public void Pm25AbovePm10_MarksBoth()
    {
        decimal pm10 = _week.Single(o => o.Parameter == Pm10 && o.PeriodStart == At).Value!.Value;

        AssertFires(Pm25, At, o => o with { Value = pm10 + 40 }, QualityRuleIds.Pm25AbovePm10, QualitySeverity.Suspect, "is above PM10");
        List<Observation> faulty = Replace(Pm25, At, 1, (o, _) => o with { Value = pm10 + 40 });
        Assert.Contains(QualityRules.Checker().Check(StationType.AirQuality, faulty), f => f.Parameter == Pm10 && f.PeriodStart == At && f.Rule == QualityRuleIds.Pm25AbovePm10);
    }

    [Fact]
    public void PeriodEndingAfterReceipt_IsFromTheFuture() =>
        AssertFires(Pm25, At, o => o with { ReceivedAt = o.PeriodStart + Duration.FromMinutes(20) }, QualityRuleIds.Future, QualitySeverity.Invalid, "clock is ahead by about 40 min");

    [Fact]
    public void HourValueOffTheHour_IsMisaligned()
    {
        List<Observation> faulty = [.. _week, Some(Pm25, At + Duration.FromMinutes(30), 40m)];

        IReadOnlyList<QualityFinding> findings = QualityRules.Checker().Check(StationType.AirQuality, faulty);

        Assert.Contains(findings, f => f.PeriodStart == At + Duration.FromMinutes(30) && f.Rule == QualityRuleIds.Misaligned && f.Severity == QualitySeverity.Invalid);
    }

    [Fact]
    public void SamePeriodTwiceWithDifferentValues_IsADuplicate()
    {
        Observation original = _week.Single(o => o.Parameter == Pm25 && o.PeriodStart == At);
        List<Observation> faulty = [.. _week, original with { Value = original.Value + 7 }];

        IReadOnlyList<QualityFinding> findings = QualityRules.Checker().Check(StationType.AirQuality, faulty);

        Assert.Contains(findings, f => f.Parameter == Pm25 && f.PeriodStart == At && f.Rule == QualityRuleIds.DuplicateTime);
        Assert.DoesNotContain(QualityRules.Checker().Check(StationType.AirQuality, [.. _week, original]), f => f.Rule == QualityRuleIds.DuplicateTime);
    }

    [Fact]
    public void ValueArrivingAfterLaterPeriods_IsOutOfOrder() =>
        AssertFires(Pm25, At, o => o with { ReceivedAt = o.ReceivedAt + Duration.FromDays(2) }, QualityRuleIds.OutOfOrder, QualitySeverity.Marked, "back-filled");

    private void AssertFires(ParameterCode parameter, Instant at, Func<Observation, Observation> inject, string rule, QualitySeverity severity, string reason)
    {
        QualityChecker checker = QualityRules.Checker();
        Assert.DoesNotContain(checker.Check(StationType.AirQuality, _week), f => f.Parameter == parameter && f.PeriodStart == at && f.Rule == rule);

        IReadOnlyList<QualityFinding> findings = checker.Check(StationType.AirQuality, Replace(parameter, at, 1, (o, _) => inject(o)));

        QualityFinding finding = Assert.Single(findings, f => f.Parameter == parameter && f.PeriodStart == at && f.Rule == rule);
        Assert.Equal(severity, finding.Severity);
        Assert.Contains(reason, finding.Reason, StringComparison.Ordinal);
    }

    private List<Observation> Replace(ParameterCode parameter, Instant from, int hours, Func<Observation, int, Observation> change) =>
        _week.ConvertAll(o =>
        {
            int h = (int)(o.PeriodStart - from).TotalHours;
            return o.Parameter == parameter && o.PeriodStart >= from && h < hours ? change(o, h) : o;
        });

    private static Observation Some(ParameterCode parameter, Instant start, decimal value) => new()
    {
        Station = StationId.Parse("1431A"), Parameter = parameter, Interval = ObservationInterval.Hour, PeriodStart = start,
        Value = value, ReceivedAt = start + Duration.FromHours(2),
    };
}
