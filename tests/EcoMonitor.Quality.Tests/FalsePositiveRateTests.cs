using System.Globalization;
using System.Text;
using EcoMonitor.Domain;

namespace EcoMonitor.Quality.Tests;

/// <summary>
/// How often each rule fires on the real 2019 CNEMC data of 199 stations (first-release values, which operators had
/// not yet reviewed). Every finding there counts as a false positive — an upper bound, since some are real faults.
/// Each rule must stay at or below its budget, or operators would switch it off. The table goes to docs/quality.md.
/// </summary>
[Trait("Area", "Quality")]
public sealed class FalsePositiveRateTests : IClassFixture<Cnemc2019>
{
    // Budgets per value checked. Series and cross rules may fire on real faults in first-release data.
    private static readonly Dictionary<string, double> Budget = new(StringComparer.Ordinal)
    {
        [QualityRuleIds.FlatLine] = 0.002,
        [QualityRuleIds.Spike] = 0.001,
        [QualityRuleIds.RateOfChange] = 0.001,
        [QualityRuleIds.Pm25AbovePm10] = 0.005,
        [QualityRuleIds.PhysicalRange] = 0.0001,
        [QualityRuleIds.Negative] = 0.0001,
    };

    private readonly Cnemc2019 _data;

    public FalsePositiveRateTests(Cnemc2019 data) => _data = data;

    [Fact]
    public void EveryRule_StaysWithinItsBudget_OnReal2019Data()
    {
        QualityChecker checker = QualityRules.Checker();
        var fired = QualityRuleIds.All.ToDictionary(r => r, _ => 0L, StringComparer.Ordinal);
        long values = 0;
        foreach (string station in _data.Stations)
        {
            List<Observation> year = _data.StationYear(station);
            values += year.Count;
            foreach (QualityFinding finding in checker.Check(StationType.AirQuality, year))
            {
                fired[finding.Rule]++;
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"values checked: {values}");
        foreach ((string rule, long count) in fired)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| `{rule}` | {count} | {(double)count / values:P4} |");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "ecomonitor-quality-fp.txt"), report.ToString());
        Assert.True(values > 8_000_000, $"the whole year was read ({values} values)");
        foreach ((string rule, long count) in fired)
        {
            double budget = Budget.GetValueOrDefault(rule, 0);
            Assert.True((double)count / values <= budget, $"{rule} fired on {count} of {values} real values ({(double)count / values:P4}), budget {budget:P4}\n{report}");
        }
    }
}
