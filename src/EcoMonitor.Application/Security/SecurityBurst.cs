using NodaTime;

namespace EcoMonitor.Application.Security;

/// <summary>
/// Many failures of one subject (an MN, a user name) or from one address within the burst window
/// (<see cref="SecurityEventOptions.BurstWindow"/>): what raises a security alarm.
/// </summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="IsByAddress">True when <paramref name="Key"/> is a client address, false when it is the subject.</param>
/// <param name="Key">The subject or address.</param>
/// <param name="Failures">Failures within the window when the burst was found.</param>
/// <param name="FirstAt">The first failure of the window.</param>
/// <param name="LastAt">The failure that made the burst.</param>
/// <param name="Others">Up to ten of the addresses (for a subject's burst) or subjects (for an address's burst) seen.</param>
public sealed record SecurityBurst(SecurityEventKind Kind, bool IsByAddress, string Key, int Failures, Instant FirstAt, Instant LastAt, IReadOnlyList<string> Others);
