using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Application.Security;

/// <summary>How security events are recorded and when a burst raises a security alarm (section <c>SecurityEvents</c>).</summary>
public sealed class SecurityEventOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "SecurityEvents";

    /// <summary>
    /// The first event of a kind, subject and address gets its own audit entry; further ones within this window are
    /// counted and written as one <c>….repeated</c> entry when it closes, so that a flood does not flood the trail.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AggregationWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Failed or refused attempts (wrong station password, refused or throttled sign-in, rejected API key) of one subject
    /// or one address within <see cref="BurstWindow"/> that make a burst. The backoff lets one address or subject make
    /// about 17 checked attempts in 5 minutes, so the default catches a guesser (and a logger sending a wrong password
    /// every 30 s) within minutes.
    /// </summary>
    [Range(2, 1_000_000)]
    public int BurstThreshold { get; set; } = 10;

    /// <summary>The window in which <see cref="BurstThreshold"/> failures make a burst; one burst per subject or address per window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Events waiting to be written at most; beyond it events are dropped and counted (<c>ecomonitor.security.events</c>, result dropped).</summary>
    [Range(16, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Distinct (kind, subject, address) windows and burst counters held at most; beyond it events are summarised per kind.</summary>
    [Range(16, 10_000_000)]
    public int MaxTrackedKeys { get; set; } = 50_000;
}
