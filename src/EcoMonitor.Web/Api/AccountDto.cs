using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Api;

/// <summary>A person's account as the system and security administrators see it: never a hash, secret or code.</summary>
/// <param name="User">The sign-in name.</param>
/// <param name="DisplayName">The person's name.</param>
/// <param name="Roles">The roles (none: the account may sign in and set its password only).</param>
/// <param name="Jurisdiction">The region code whose stations it sees.</param>
/// <param name="Enterprise">An enterprise user's enterprise.</param>
/// <param name="Disabled">True when it may no longer sign in.</param>
/// <param name="LockedUntil">Until when sign-in is refused after repeated failures (ISO 8601, +08:00), if locked.</param>
/// <param name="MustChangePassword">True until the person sets a password of their own.</param>
/// <param name="TwoFactor">True when an authenticator is enrolled.</param>
/// <param name="RecoveryCodesLeft">Unused recovery codes.</param>
/// <param name="LastSignInAt">The last successful sign-in.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="ExternalIdentity">The identity provider's person it is linked to, if any (docs/security.md "External identity (OIDC)").</param>
public sealed record AccountDto(
    string User, string DisplayName, IReadOnlyList<Role> Roles, string? Jurisdiction, string? Enterprise, bool Disabled, string? LockedUntil,
    bool MustChangePassword, bool TwoFactor, int RecoveryCodesLeft, string? LastSignInAt, string CreatedAt, string CreatedBy,
    ExternalIdentityDto? ExternalIdentity)
{
    internal static AccountDto From(UserAccount a, NodaTime.Instant now) => new(
        a.UserName, a.DisplayName, a.Roles, a.Jurisdiction?.ToString(), a.Enterprise, a.IsDisabled,
        a.LockedUntil is { } until && until > now ? ApiTime.Format(until) : null,
        a.MustChangePassword, a.TotpSecret is not null, a.RecoveryCodeHashes.Count,
        a.LastSignInAt is { } signIn ? ApiTime.Format(signIn) : null, ApiTime.Format(a.CreatedAt), a.CreatedBy,
        a.ExternalSubject is { } key ? ExternalIdentityDto.Of(Application.Access.ExternalIdentity.FromKey(key)) : null);
}
