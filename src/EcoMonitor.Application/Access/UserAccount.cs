using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Access;

/// <summary>
/// A person's account (ADR 0036): who (name, display name, optionally an external OpenID Connect subject), what they
/// may do (roles, assigned by the security administrator) and where (jurisdiction; enterprise for enterprise users),
/// and the state of its credentials. Never deleted — disabled — so that the audit trail's names keep meaning someone.
/// Stored by <see cref="IAccountStore"/>; changed only through the account service, which audits every change.
/// </summary>
public sealed record UserAccount
{
    /// <summary>The store's id (0 before the account is created).</summary>
    public long Id { get; init; }

    /// <summary>The sign-in name, unique without regard to case (<see cref="AccountNames"/>).</summary>
    public required string UserName { get; init; }

    /// <summary>The person's name as shown to others (e.g. 张伟).</summary>
    public required string DisplayName { get; init; }

    /// <summary>The roles, in declaration order (an account may hold none: it can sign in and change its password only).</summary>
    public IReadOnlyList<Role> Roles { get; init; } = [];

    /// <summary>The region whose stations the account sees (a province sees its cities and counties); null: none yet.</summary>
    public RegionCode? Jurisdiction { get; init; }

    /// <summary>For an enterprise user, the enterprise whose outlets it sees (as registered on the stations).</summary>
    public string? Enterprise { get; init; }

    /// <summary>The Identity hash of the password (<see cref="AccountPasswords"/>); null for an account that signs in only externally.</summary>
    public string? PasswordHash { get; init; }

    /// <summary>Hashes of the previous passwords, newest first (at most the policy's history depth).</summary>
    public IReadOnlyList<string> PasswordHistory { get; init; } = [];

    /// <summary>When the password was last set.</summary>
    public Instant? PasswordChangedAt { get; init; }

    /// <summary>True until the person sets a password of their own (after creation or a reset).</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>Wrong passwords or codes since the last successful sign-in.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Sign-in refused until then after too many failures.</summary>
    public Instant? LockedUntil { get; init; }

    /// <summary>The TOTP secret, protected by the platform's data-protection keys; null until enrolled.</summary>
    public string? TotpSecret { get; init; }

    /// <summary>The last TOTP step accepted (a code is good once).</summary>
    public long TotpLastStep { get; init; }

    /// <summary>Hashes of the unused recovery codes.</summary>
    public IReadOnlyList<string> RecoveryCodeHashes { get; init; } = [];

    /// <summary>The external identity (<c>issuer|subject</c>) of an OpenID Connect sign-in, if linked.</summary>
    public string? ExternalSubject { get; init; }

    /// <summary>True when the account may no longer sign in.</summary>
    public bool IsDisabled { get; init; }

    /// <summary>When the account was created.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>Who created it (an account name, or <c>set-up</c> for the first administrators).</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The last successful sign-in.</summary>
    public Instant? LastSignInAt { get; init; }

    /// <summary>The store's version of the row: an update names the version it read and fails when another came first.</summary>
    public long Version { get; init; }
}
