using System.Collections.Frozen;
using EcoMonitor.Domain;

namespace EcoMonitor.Quality;

/// <summary>
/// The thresholds and weights of the falsification signs (section <c>falsification</c> of
/// <c>config/quality-rules.json</c>). Every number is our own (no national standard defines them); docs/quality.md gives
/// the reasoning and the measured firing rates. Durations are of data time, so they hold for minute and hour data alike.
/// Immutable; thread-safe.
/// </summary>
public sealed record FalsificationRules
{
    private static readonly StationType[] Outlets = [StationType.FlueGasOutlet, StationType.WasteWaterOutlet];
    private static readonly string[] Operating = ["a00000", "a01011", "a01012", "w00000"];

    /// <summary>Evidence items kept per sign (the count in the summary is always complete).</summary>
    public const int MaxEvidence = 20;

    /// <summary>The rules used when the file has no <c>falsification</c> section.</summary>
    public static FalsificationRules Default { get; } = new();

    /// <summary>Station types that are scored (pollution-source outlets).</summary>
    public IReadOnlySet<StationType> StationTypes { get; init; } = Outlets.ToFrozenSet();

    /// <summary>Parameters that say whether the plant runs (flue-gas flow a00000, velocity a01011, temperature a01012, waste-water flow w00000); never judged as pollutants.</summary>
    public IReadOnlySet<string> OperatingParameters { get; init; } = Operating.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Identical run: at least this many periods …</summary>
    public int IdenticalRunMinPeriods { get; init; } = 12;

    /// <summary>… lasting at least this many minutes of data time, above the parameter's flat-line floor.</summary>
    public int IdenticalRunMinMinutes { get; init; } = 120;

    /// <summary>Repeated block: this many consecutive values …</summary>
    public int RepeatedBlockPeriods { get; init; } = 12;

    /// <summary>… with at least this many distinct values among them, found again later in the day.</summary>
    public int RepeatedBlockMinDistinct { get; init; } = 4;

    /// <summary>Pinned: the band under the limit, as a fraction of it (0.1: values in [0.9 × limit, limit]).</summary>
    public decimal PinnedBand { get; init; } = 0.1m;

    /// <summary>Pinned: at least this share of the day's values in the band …</summary>
    public decimal PinnedMinShare { get; init; } = 0.6m;

    /// <summary>… of at least this many values.</summary>
    public int PinnedMinValues { get; init; } = 20;

    /// <summary>Window of the zero-variance and flat-while-running signs, in minutes (aligned on the CST day).</summary>
    public int WindowMinutes { get; init; } = 60;

    /// <summary>A parameter takes part in a window with at least this many values in it.</summary>
    public int WindowMinValues { get; init; } = 10;

    /// <summary>Zero variance: at least this many parameters with no variation at all in one window.</summary>
    public int ZeroVarianceMinParameters { get; init; } = 3;

    /// <summary>Running: an operating parameter whose (max − min) / mean in the window is at least this.</summary>
    public decimal RunningMinVariation { get; init; } = 0.02m;

    /// <summary>Flat while running: at least this many consecutive windows (flat pollutant, running plant).</summary>
    public int FlatWhileRunningMinWindows { get; init; } = 1;

    /// <summary>Burst: consecutive minute periods received at most this many seconds apart belong to one burst …</summary>
    public int BurstGapSeconds { get; init; } = 2;

    /// <summary>… of at least this many periods.</summary>
    public int BurstMinPeriods { get; init; } = 5;

    /// <summary>At least this many bursts in the day …</summary>
    public int BurstMinCount { get; init; } = 4;

    /// <summary>… whose spacing varies by at most this coefficient of variation (a script's timer, not a back-fill after an outage).</summary>
    public decimal BurstSpacingMaxCv { get; init; } = 0.1m;

    /// <summary>QN reuse: at least this many QNs each carried by different frames.</summary>
    public int RequestNumberReuseMinCount { get; init; } = 1;

    /// <summary>Points each sign adds to the day's score (the score is capped at 100).</summary>
    public IReadOnlyDictionary<string, int> Weights { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [FalsificationSignIds.IdenticalRun] = 25,
        [FalsificationSignIds.RepeatedBlock] = 40,
        [FalsificationSignIds.PinnedBelowLimit] = 30,
        [FalsificationSignIds.ZeroVariance] = 30,
        [FalsificationSignIds.FlatWhileRunning] = 30,
        [FalsificationSignIds.TimingBurst] = 30,
        [FalsificationSignIds.RequestNumberReuse] = 40,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Signs switched off.</summary>
    public IReadOnlySet<string> Disabled { get; init; } = FrozenSet<string>.Empty;

    /// <summary>True when the sign is on (not disabled and weighted above 0).</summary>
    public bool IsEnabled(string sign) => !Disabled.Contains(sign) && Weights.GetValueOrDefault(sign) > 0;
}
