namespace EcoMonitor.Standards.Noise;

/// <summary>
/// GB 3096-2008 clause 5.1 Table 1, transcribed from <c>gb3096-2008-noise.json</c> <c>limits</c> (confirmed),
/// and clause 5.4 (recalled): at night a sudden noise's maximum level may exceed the night limit by at most 15 dB(A).
/// The 10/15 dB split for frequent/occasional noise is GB 12348, not GB 3096, and is not applied.
/// </summary>
public static class Gb3096Limits
{
    /// <summary>dB(A) a night Lmax may exceed the night limit (clause 5.4).</summary>
    public const decimal NightMaxAllowance = 15m;

    /// <summary>The six zones.</summary>
    public static readonly NoiseZoneLimit[] Rows =
    [
        new("0", 50m, 40m),
        new("1", 55m, 45m),
        new("2", 60m, 50m),
        new("3", 65m, 55m),
        new("4a", 70m, 55m),
        new("4b", 70m, 60m),
    ];

    /// <summary>The limits of a zone, or null for an unknown zone name.</summary>
    public static NoiseZoneLimit? Find(string zone) => Array.Find(Rows, r => r.Zone == zone);
}
