using NodaTime;

namespace EcoMonitor.Application.Security;

/// <summary>
/// The staff console's sessions, shared by every node (part of the store contract): a session deleted by one node
/// (sign-out, expiry) is refused by all at their next request. Thread-safe.
/// </summary>
public interface IConsoleSessionStore
{
    /// <summary>Stores a new session (its id must be new).</summary>
    Task CreateSessionAsync(ConsoleSession session, CancellationToken cancellationToken);

    /// <summary>The session, or null when there is none (never created, signed out or swept).</summary>
    Task<ConsoleSession?> FindSessionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces a session's ticket and records activity; false when the session is gone.</summary>
    Task<bool> RenewSessionAsync(string id, byte[] ticket, Instant lastSeenAt, CancellationToken cancellationToken);

    /// <summary>Records activity of a session; false when it is gone.</summary>
    Task<bool> TouchSessionAsync(string id, Instant lastSeenAt, CancellationToken cancellationToken);

    /// <summary>Ends a session; false when it was already gone.</summary>
    Task<bool> DeleteSessionAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every session whose absolute lifetime has ended at <paramref name="now"/> (<c>ExpiresAt &lt;= now</c>) or
    /// that has been idle for <paramref name="idleTimeout"/> (<c>LastSeenAt &lt;= now - idleTimeout</c>); returns how many.
    /// </summary>
    Task<int> DeleteExpiredSessionsAsync(Instant now, Duration idleTimeout, CancellationToken cancellationToken);
}
