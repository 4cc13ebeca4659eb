namespace EcoMonitor.Application.Access;

/// <summary>Defaults and bounds of API clients' keys (section <c>ApiClients</c>, ADR 0036 §8).</summary>
public sealed class ApiClientOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ApiClients";

    /// <summary>The most requests per second a client may be given.</summary>
    public const int MaxRequestsPerSecond = 1000;

    /// <summary>The largest burst a client may be given.</summary>
    public const int MaxBurst = 10_000;

    /// <summary>Requests per second of a client issued without its own rate.</summary>
    public int DefaultRequestsPerSecond { get; set; } = 10;

    /// <summary>Burst of a client issued without its own.</summary>
    public int DefaultBurst { get; set; } = 60;

    /// <summary>The longest a key may be valid (a key that never expires is forgotten, then leaked).</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Null when the settings are usable, else what is wrong (for the options validation at start).</summary>
    public string? Problem() =>
        DefaultRequestsPerSecond is < 1 or > MaxRequestsPerSecond ? $"ApiClients:DefaultRequestsPerSecond must be 1–{MaxRequestsPerSecond}"
        : DefaultBurst < 1 || DefaultBurst > MaxBurst ? $"ApiClients:DefaultBurst must be 1–{MaxBurst}"
        : MaxLifetime <= TimeSpan.Zero || MaxLifetime > TimeSpan.FromDays(3660) ? "ApiClients:MaxLifetime must be positive and at most ten years"
        : null;
}
