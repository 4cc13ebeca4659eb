namespace EcoMonitor.Application.Access;

/// <summary>
/// People's accounts (<see cref="UserAccount"/>), the store contract every engine implements and
/// tests/EcoMonitor.Storage.Tests checks. Thread-safe. Accounts are never deleted. Names are unique without regard to
/// case (<see cref="AccountNames.Key"/>), external subjects unique, and no account holds two of the separated
/// administrators — each enforced by the store itself, so two nodes cannot race past it.
/// </summary>
public interface IAccountStore
{
    /// <summary>Stores a new account; returns it with its id and version 1. Throws <see cref="AccountConflictException"/> (nothing stored).</summary>
    Task<UserAccount> CreateAsync(UserAccount account, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces every field but the name, the creation and the id of the account with <paramref name="account"/>'s id when its stored version is still
    /// <paramref name="account"/>'s <see cref="UserAccount.Version"/>; returns it with the next version, or null when the
    /// account changed meanwhile (or does not exist). Throws <see cref="AccountConflictException"/> (nothing changed).
    /// </summary>
    Task<UserAccount?> UpdateAsync(UserAccount account, CancellationToken cancellationToken);

    /// <summary>The account with this name (any case), or null.</summary>
    Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken);

    /// <summary>The account with this id, or null.</summary>
    Task<UserAccount?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The account linked to this external subject, or null.</summary>
    Task<UserAccount?> FindByExternalSubjectAsync(string externalSubject, CancellationToken cancellationToken);

    /// <summary>Every account, by name key.</summary>
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>How many enabled accounts hold <paramref name="role"/> (the first run has no system administrator).</summary>
    Task<int> CountEnabledWithRoleAsync(Role role, CancellationToken cancellationToken);
}
