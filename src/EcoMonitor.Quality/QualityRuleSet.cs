using System.Collections.Frozen;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

/// <summary>
/// The configuration of the automatic checks: limits per parameter, overridden per station type, the severity of each
/// rule, and the tolerances of the time and cross-parameter rules. Immutable; thread-safe.
/// </summary>
public sealed class QualityRuleSet
{
    private readonly FrozenDictionary<string, ParameterRules> _parameters;
    private readonly FrozenDictionary<(StationType, string), ParameterRules> _byStationType;
    private readonly FrozenDictionary<string, QualitySeverity> _severities;
    private readonly FrozenSet<string> _disabled;

    /// <summary>Creates a rule set.</summary>
    public QualityRuleSet(
        IReadOnlyDictionary<string, ParameterRules> parameters,
        IReadOnlyDictionary<(StationType Type, string Parameter), ParameterRules> byStationType,
        IReadOnlyDictionary<string, QualitySeverity> severities,
        IEnumerable<string> disabledRules)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(byStationType);
        ArgumentNullException.ThrowIfNull(severities);
        ArgumentNullException.ThrowIfNull(disabledRules);
        _parameters = parameters.ToFrozenDictionary(StringComparer.Ordinal);
        _byStationType = byStationType.ToFrozenDictionary();
        _severities = severities.ToFrozenDictionary(StringComparer.Ordinal);
        _disabled = disabledRules.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>A run shorter than this many periods is never a flat line, whatever its duration.</summary>
    public int FlatLineMinPeriods { get; init; } = 3;

    /// <summary>How far a period's end may lie after the receive time before the value counts as from the future.</summary>
    public Duration FutureTolerance { get; init; } = Duration.FromMinutes(10);

    /// <summary>PM2.5 may exceed PM10 by this much (µg/m³) before it is reported (the two are measured by different instruments).</summary>
    public decimal Pm25AbovePm10Tolerance { get; init; } = 10m;

    /// <summary>NO2 may exceed NOx by this much (µg/m³) before it is reported.</summary>
    public decimal No2AboveNoxTolerance { get; init; } = 10m;

    /// <summary>Dissolved oxygen above this multiple of saturation at the water temperature is reported.</summary>
    public decimal DoSaturationFactor { get; init; } = 2m;

    /// <summary>The thresholds and weights of the falsification signs of outlets (打假).</summary>
    public FalsificationRules Falsification { get; init; } = FalsificationRules.Default;

    /// <summary>The limits of <paramref name="parameter"/> at a station of <paramref name="type"/>; null when none are configured.</summary>
    public ParameterRules? For(StationType type, ParameterCode parameter) =>
        _byStationType.TryGetValue((type, parameter.Value), out ParameterRules? specific) ? specific
        : _parameters.GetValueOrDefault(parameter.Value);

    /// <summary>False when the rule is switched off in the configuration.</summary>
    public bool IsEnabled(string rule) => !_disabled.Contains(rule);

    /// <summary>The configured severity of <paramref name="rule"/>, else <paramref name="fallback"/>.</summary>
    public QualitySeverity SeverityOf(string rule, QualitySeverity fallback) => _severities.GetValueOrDefault(rule, fallback);
}
