using System.Text;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality.Tests;

/// <summary>Water and NOx consistency (not in the air data), dissolved-oxygen saturation, and the configuration file.</summary>
[Trait("Area", "Quality")]
public sealed class CrossParameterAndConfigTests
{
    private static readonly Instant Hour = ChinaTime.ToInstant(new LocalDateTime(2026, 3, 1, 8, 0));

    [Theory]
    [InlineData(0, 14.62)]
    [InlineData(20, 9.09)]
    [InlineData(30, 7.56)]
    public void DoSaturation_MatchesTheTabulatedValues(double celsius, double expected) =>
        Assert.Equal(expected, DissolvedOxygen.SaturationMgPerLitre(celsius), 2);

    [Fact]
    public void DoFarAboveSaturation_IsSuspect_NormalSupersaturationIsNot()
    {
        QualityChecker checker = QualityRules.Checker();

        IReadOnlyList<QualityFinding> high = checker.Check(StationType.SurfaceWater, [Value("w01009", 18m), Value("w01010", 30m)]);
        IReadOnlyList<QualityFinding> bloom = checker.Check(StationType.SurfaceWater, [Value("w01009", 12m), Value("w01010", 30m)]);

        QualityFinding finding = Assert.Single(high, f => f.Rule == QualityRuleIds.DoSupersaturation);
        Assert.Contains("7.56 mg/L at 30 °C", finding.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(bloom, f => f.Rule == QualityRuleIds.DoSupersaturation);
    }

    [Fact]
    public void PhOutside0To14_IsInvalid()
    {
        IReadOnlyList<QualityFinding> findings = QualityRules.Checker().Check(StationType.SurfaceWater, [Value("w01001", 14.6m)]);

        Assert.Contains(findings, f => f.Rule == QualityRuleIds.PhRange && f.Severity == QualitySeverity.Invalid);
    }

    [Fact]
    public void No2AboveNox_MarksBoth()
    {
        IReadOnlyList<QualityFinding> findings = QualityRules.Checker().Check(StationType.AirQuality, [Value("a21004", 80m), Value("a21002", 60m)]);

        Assert.Equal(2, findings.Count(f => f.Rule == QualityRuleIds.No2AboveNox));
    }

    [Fact]
    public void StationTypeOverride_AppliesOnlyToThatType()
    {
        Observation so2 = Value("a21026", 5000m);

        Assert.Contains(QualityRules.Checker().Check(StationType.AirQuality, [so2]), f => f.Rule == QualityRuleIds.PhysicalRange);
        Assert.DoesNotContain(QualityRules.Checker().Check(StationType.FlueGasOutlet, [so2]), f => f.Rule == QualityRuleIds.PhysicalRange);
    }

    [Fact]
    public void Configuration_DisablesRulesAndOverridesSeverity()
    {
        QualityRuleSet rules = Parse("""
            { "disabled": ["value.negative"], "severities": { "range.physical": "suspect" },
              "parameters": { "a34004": { "max": 100 } } }
            """);
        var checker = new QualityChecker(rules);

        IReadOnlyList<QualityFinding> findings = checker.Check(StationType.AirQuality, [Value("a34004", -1m), Value("a34004", 200m, Hour + Duration.FromHours(5))]);

        QualityFinding finding = Assert.Single(findings);
        Assert.Equal(QualityRuleIds.PhysicalRange, finding.Rule);
        Assert.Equal(QualitySeverity.Suspect, finding.Severity);
    }

    [Theory]
    [InlineData("""{ "disabled": ["no.such.rule"] }""", "'no.such.rule' is not a rule id")]
    [InlineData("""{ "severities": { "series.spike": "fatal" } }""", "'fatal' is not marked, suspect or invalid")]
    [InlineData("""{ "stationTypes": { "volcano": {} } }""", "volcano: not a station type")]
    [InlineData("""{ "parameters": """, "not valid JSON")]
    public void Configuration_Wrong_IsRefusedWithWhere(string json, string message)
    {
        InvalidDataException exception = Assert.Throws<InvalidDataException>(() => Parse(json));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    private static QualityRuleSet Parse(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return QualityRuleSetFile.Parse(stream);
    }

    private static Observation Value(string parameter, decimal value, Instant? start = null) => new()
    {
        Station = StationId.Parse("W001"), Parameter = ParameterCode.Parse(parameter), Interval = ObservationInterval.Hour,
        PeriodStart = start ?? Hour, Value = value, ReceivedAt = (start ?? Hour) + Duration.FromHours(1),
    };
}
