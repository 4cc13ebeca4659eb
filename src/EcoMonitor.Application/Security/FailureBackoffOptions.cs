using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Application.Security;

/// <summary>
/// How <see cref="FailureBackoff"/> slows down repeated failures of one key. Bound as a sub-section by its consumer
/// (e.g. <c>Gateway:PasswordBackoff</c>, <c>Console:SignInBackoff</c>).
/// </summary>
public sealed class FailureBackoffOptions
{
    /// <summary>Failures of a key within <see cref="Window"/> that cost nothing (a mistyped password).</summary>
    [Range(0, 1000)]
    public int FreeFailures { get; set; } = 5;

    /// <summary>Delay given to the first attempt after the free failures; each further failure doubles it.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap of the delay between two attempts of one key.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A key's failures are forgotten this long after its last failure.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long an address that proved a subject's credential stays exempt from that subject's backoff
    /// (<see cref="CredentialThrottle"/>): long enough to cover an hourly station's or a daily user's next attempt.
    /// </summary>
    public TimeSpan TrustProvenAddressFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Keys tracked at most (memory bound). Beyond it, after forgetting expired keys, new keys share one entry, so
    /// that an attacker who varies the key is slowed as one.
    /// </summary>
    [Range(16, 10_000_000)]
    public int MaxKeys { get; set; } = 100_000;

    /// <summary>Null when the settings are usable, else what is wrong (for an options validator).</summary>
    public string? Problem() =>
        FirstDelay <= TimeSpan.Zero ? "FirstDelay must be positive"
        : MaxDelay < FirstDelay ? "MaxDelay must not be below FirstDelay"
        : Window <= TimeSpan.Zero ? "Window must be positive"
        : TrustProvenAddressFor < TimeSpan.Zero ? "TrustProvenAddressFor must not be negative"
        : null;
}
