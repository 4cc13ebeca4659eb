namespace EcoMonitor.Quality;

/// <summary>
/// The stable ids of the falsification signs (打假) of pollution-source outlets, the keys of the <c>falsification</c>
/// section of <c>config/quality-rules.json</c> and of the API's evidence. docs/quality.md says what each one looks for.
/// </summary>
public static class FalsificationSignIds
{
    /// <summary>One value repeated for a long run of consecutive periods (a held or typed-in value).</summary>
    public const string IdenticalRun = "fake.identical-run";

    /// <summary>A block of several varying values that reappears exactly later in the day (copied data).</summary>
    public const string RepeatedBlock = "fake.repeated-block";

    /// <summary>Most of the day's values lie in a narrow band just under the emission limit.</summary>
    public const string PinnedBelowLimit = "fake.pinned-below-limit";

    /// <summary>Several parameters with exactly zero variance in the same window (a frozen data logger or a script).</summary>
    public const string ZeroVariance = "fake.zero-variance";

    /// <summary>A pollutant flat while the operating parameters (flow, temperature…) show the plant running.</summary>
    public const string FlatWhileRunning = "fake.flat-while-running";

    /// <summary>Minute data arriving in bursts faster than the periods pass, with regular spacing between the bursts.</summary>
    public const string TimingBurst = "fake.timing-burst";

    /// <summary>One request number (QN) carried by different frames: a logger stamps every upload with a new QN.</summary>
    public const string RequestNumberReuse = "fake.qn-reuse";

    /// <summary>Every sign id.</summary>
    public static readonly IReadOnlyList<string> All =
        [IdenticalRun, RepeatedBlock, PinnedBelowLimit, ZeroVariance, FlatWhileRunning, TimingBurst, RequestNumberReuse];
}
