using NodaTime;

namespace EcoMonitor.Application.Access;

/// <summary>
/// The one-time token of the first-run set-up (ADR 0036 §6), the store contract every engine implements and
/// tests/EcoMonitor.Storage.Tests checks: at most one token, stored as its SHA-256 only, so that any node accepts the
/// token another node printed and it is good once. Thread-safe.
/// </summary>
public interface ISetUpTokenStore
{
    /// <summary>Stores <paramref name="tokenHash"/> as the token, valid until <paramref name="expiresAt"/>; any earlier token stops working.</summary>
    Task ReplaceAsync(string tokenHash, Instant expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the token when it is <paramref name="tokenHash"/> and has not expired at <paramref name="now"/>, in one
    /// atomic step (two callers with the same token: one wins); returns its expiry, or null when it is not the token.
    /// </summary>
    Task<Instant?> ConsumeAsync(string tokenHash, Instant now, CancellationToken cancellationToken);
}
