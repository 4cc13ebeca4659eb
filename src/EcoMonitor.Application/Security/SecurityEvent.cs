using NodaTime;

namespace EcoMonitor.Application.Security;

/// <summary>
/// One security event (a refused credential, a sign-in, a throttled attempt …) as reported by the gateway or the web
/// host to <see cref="ISecurityEventSink"/>. Never carries a credential: a subject is a user name or MN as claimed, the
/// detail says what was wrong, not what was sent.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Subject">Who was claimed: an MN, a user name, or <c>api-key</c>; at most 64 characters are kept.</param>
/// <param name="Address">The client's network address (<see cref="NetworkAddress"/>), or null when unknown.</param>
/// <param name="At">When it happened.</param>
/// <param name="Detail">A short operator-readable detail (e.g. the reason), or null.</param>
public sealed record SecurityEvent(SecurityEventKind Kind, string Subject, string? Address, Instant At, string? Detail = null);
