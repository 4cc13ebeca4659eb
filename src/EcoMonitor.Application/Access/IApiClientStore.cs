using NodaTime;

namespace EcoMonitor.Application.Access;

/// <summary>
/// API clients (<see cref="ApiClient"/>), the store contract every engine implements and tests/EcoMonitor.Storage.Tests
/// checks. Thread-safe. Clients are never deleted. Ids and names are unique — enforced by the store itself, so that two
/// nodes cannot race past it.
/// </summary>
public interface IApiClientStore
{
    /// <summary>Stores a new client. Throws <see cref="ApiClientConflictException"/> when its id or name is taken (nothing stored).</summary>
    Task CreateAsync(ApiClient client, CancellationToken cancellationToken);

    /// <summary>The client with this id (ordinal), or null.</summary>
    Task<ApiClient?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every client, by name.</summary>
    Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Revokes the client at <paramref name="at"/> by <paramref name="revokedBy"/> unless it is revoked already (then it
    /// stays as it was); returns the client as stored after, or null when there is none with this id.
    /// </summary>
    Task<ApiClient?> RevokeAsync(string id, string revokedBy, Instant at, CancellationToken cancellationToken);

    /// <summary>Sets the client's last use to <paramref name="at"/> unless a later one is stored.</summary>
    Task MarkUsedAsync(string id, Instant at, CancellationToken cancellationToken);
}
