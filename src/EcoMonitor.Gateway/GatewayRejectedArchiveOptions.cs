using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Gateway;

/// <summary>
/// Bounds the archive of rejected frames per source address (section <c>Gateway:RejectedArchive</c>): within each
/// <see cref="Window"/> the first <see cref="FramesPerWindow"/> rejected frames of a source are archived, then one in
/// <see cref="SampleOneIn"/>; the others are counted and not archived, and one summary line per source and window is
/// logged. Frames of a known station with the right password are always archived, rejected or not.
/// </summary>
public sealed class GatewayRejectedArchiveOptions
{
    /// <summary>Rejected frames of one source archived in full per window.</summary>
    [Range(0, 1_000_000)]
    public int FramesPerWindow { get; set; } = 60;

    /// <summary>The window over which <see cref="FramesPerWindow"/> counts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Beyond <see cref="FramesPerWindow"/>, one rejected frame in this many is archived (1 archives all).</summary>
    [Range(1, 1_000_000)]
    public int SampleOneIn { get; set; } = 100;

    /// <summary>Sources tracked at most (memory bound); beyond it new sources share one window.</summary>
    [Range(16, 10_000_000)]
    public int MaxSources { get; set; } = 100_000;
}
