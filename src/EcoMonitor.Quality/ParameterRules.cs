namespace EcoMonitor.Quality;

/// <summary>
/// The limits of one parameter (for one station type), in the parameter's unit. A null limit switches that check off
/// for the parameter. Loaded from <c>config/quality-rules.json</c>; docs/quality.md says where each number comes from.
/// </summary>
public sealed record ParameterRules
{
    /// <summary>Name used in reasons, e.g. PM2.5.</summary>
    public string Name { get; init; } = "";

    /// <summary>Unit used in reasons, e.g. µg/m³.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Lowest plausible value (inclusive).</summary>
    public decimal? Min { get; init; }

    /// <summary>Highest plausible value (inclusive).</summary>
    public decimal? Max { get; init; }

    /// <summary>True when negative values are physical (temperatures); otherwise a negative value is invalid.</summary>
    public bool AllowsNegative { get; init; }

    /// <summary>A run of identical values lasting this many hours (at least <see cref="QualityRuleSet.FlatLineMinPeriods"/> periods) is a flat line.</summary>
    public decimal? FlatLineHours { get; init; }

    /// <summary>Runs at or below this value are not flat lines (readings at the detection limit repeat naturally).</summary>
    public decimal FlatLineFloor { get; init; }

    /// <summary>A spike must stand this far (absolute) above (or below) both neighbours.</summary>
    public decimal? SpikeDelta { get; init; }

    /// <summary>… and this many times the larger neighbour (or the smaller neighbour this many times the dip).</summary>
    public decimal SpikeRatio { get; init; } = 3m;

    /// <summary>Largest plausible change from one period to the next.</summary>
    public decimal? MaxStep { get; init; }
}
