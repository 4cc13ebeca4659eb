using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Application.Work;

/// <summary>How the background workers take up, retry and set aside pending work (configuration section <c>Work</c>, docs/adr/0027).</summary>
public sealed class WorkOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Work";

    /// <summary>How often a worker looks in the store for work pending longer than <see cref="SweepGrace"/> (left by a node that stopped or died, or by the CLI).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a station-day must have been pending, unchanged, before a sweep takes it up: the node that committed it
    /// normally works on it within seconds, so a sweep takes only what that node has left.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Pending station-days read from the store at a time (at start and by a sweep; a full page is followed by the next at once).</summary>
    [Range(1, 100_000)]
    public int SweepPage { get; set; } = 1_000;

    /// <summary>Failed attempts at one station-day (an error of its own, not of the store) before it is set aside.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before work is tried again after a failure; doubled after each failure of the store, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between attempts while the store keeps failing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often completed versions are written to the store (one write for everything completed meanwhile): a crash
    /// loses at most this much of the record, and that work is only done again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CompletionInterval { get; set; } = TimeSpan.FromSeconds(1);
}
