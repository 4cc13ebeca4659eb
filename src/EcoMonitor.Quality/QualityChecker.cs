using System.Globalization;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

/// <summary>
/// Runs the automatic quality checks (docs/quality.md) over a station's observations and returns every finding. Pure:
/// the same observations give the same findings. Series rules (flat line, spike, rate of change, order) look at the
/// neighbours present in the input, so the caller passes the values to check together with enough context (a day
/// before them is plenty); findings about context values may be ignored. Thread-safe.
/// </summary>
public sealed partial class QualityChecker
{
    private static readonly Duration Hour = Duration.FromHours(1);
    private readonly QualityRuleSet _rules;

    /// <summary>Creates a checker with <paramref name="rules"/>.</summary>
    public QualityChecker(QualityRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
    }

    /// <summary>
    /// True when a rule that looks at neighbouring periods can make a value invalid (by default none can: series rules
    /// are suspect or marked). When false, which values are invalid can be decided from the values alone, without context.
    /// </summary>
    public bool IsInvalidSeriesDependent =>
        new[] { QualityRuleIds.FlatLine, QualityRuleIds.Spike, QualityRuleIds.RateOfChange, QualityRuleIds.OutOfOrder, QualityRuleIds.DuplicateTime }
            .Any(r => _rules.IsEnabled(r) && _rules.SeverityOf(r, QualitySeverity.Suspect) == QualitySeverity.Invalid);

    /// <summary>Checks observations of one station of <paramref name="type"/> (any parameters, intervals and order).</summary>
    public IReadOnlyList<QualityFinding> Check(StationType type, IReadOnlyList<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var findings = new List<QualityFinding>();
        foreach (Observation observation in observations)
        {
            CheckValue(type, observation, findings);
        }

        foreach (IGrouping<(ParameterCode, ObservationInterval), Observation> series in observations.GroupBy(o => (o.Parameter, o.Interval)))
        {
            CheckSeries(type, [.. series], findings);
        }

        foreach (IGrouping<(ObservationInterval, Instant), Observation> period in observations.GroupBy(o => (o.Interval, o.PeriodStart)))
        {
            CheckPeriod([.. period], findings);
        }

        return findings;
    }

    private void Add(List<QualityFinding> findings, Observation observation, string rule, QualitySeverity fallback, string reason)
    {
        if (_rules.IsEnabled(rule))
        {
            findings.Add(QualityFinding.Of(observation, rule, _rules.SeverityOf(rule, fallback), reason));
        }
    }

    private string Describe(StationType type, Observation observation, decimal value)
    {
        ParameterRules? rules = _rules.For(type, observation.Parameter);
        string name = string.IsNullOrEmpty(rules?.Name) ? observation.Parameter.Value : rules.Name;
        return rules is null || rules.Unit.Length == 0 ? $"{name} = {Number(value)}" : $"{name} = {Number(value)} {rules.Unit}";
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(Instant instant) =>
        ChinaTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
