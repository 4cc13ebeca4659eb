using NodaTime;

namespace EcoMonitor.Application.Security;

/// <summary>
/// A signed-in staff console session kept in the store, so that every node sees it and its end. The browser's cookie
/// holds a random session key (protected by ASP.NET Core data protection); the store keeps only the key's SHA-256
/// (<see cref="Id"/>), so that whoever reads the table cannot act as the user.
/// </summary>
public sealed record ConsoleSession
{
    /// <summary>Lower-case hex SHA-256 of the session key (64 characters).</summary>
    public required string Id { get; init; }

    /// <summary>The signed-in user's name.</summary>
    public required string User { get; init; }

    /// <summary>The serialized authentication ticket (claims and properties, ASP.NET Core's TicketSerializer).</summary>
    public required byte[] Ticket { get; init; }

    /// <summary>Sign-in.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>The last request seen of the session (recorded at most about once a minute).</summary>
    public required Instant LastSeenAt { get; init; }

    /// <summary>The end of the session's absolute lifetime, whatever its activity.</summary>
    public required Instant ExpiresAt { get; init; }
}
