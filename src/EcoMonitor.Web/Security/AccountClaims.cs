using System.Globalization;
using System.Security.Claims;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Security;

/// <summary>
/// The claims of a person's console session, built from their <see cref="UserAccount"/> (ADR 0036): name, display
/// name, one <see cref="StaffPermissions.RoleClaimType"/> per role, jurisdiction, enterprise, and what the session must
/// do before it may do anything else (<see cref="Pending"/>: set its own password, enrol an authenticator) — a pending
/// session holds no permission. <see cref="AccountSessionValidator"/> rebuilds them when the account changes.
/// </summary>
internal static class AccountClaims
{
    /// <summary>The account's store id: a session without it is no account's (an old or forged ticket) and is refused.</summary>
    public const string AccountId = "ecomonitor:account";

    /// <summary>The account's version and pending state the claims were built from.</summary>
    public const string Stamp = "ecomonitor:stamp";

    /// <summary>
    /// When the account's password was set, as the session signed in with it: a session of an earlier password (changed
    /// or reset since) ends.
    /// </summary>
    public const string Credential = "ecomonitor:credential";

    /// <summary>The person's display name.</summary>
    public const string DisplayName = "ecomonitor:display-name";

    /// <summary>The jurisdiction's region code.</summary>
    public const string Jurisdiction = "ecomonitor:jurisdiction";

    /// <summary>An enterprise user's enterprise.</summary>
    public const string Enterprise = "ecomonitor:enterprise";

    /// <summary>What the session must do first: <see cref="PendingPassword"/> or <see cref="PendingTwoFactor"/>.</summary>
    public const string Pending = "ecomonitor:pending";

    /// <summary><see cref="Pending"/>: a new password of the person's own choosing (first sign-in, reset, expired).</summary>
    public const string PendingPassword = "password";

    /// <summary><see cref="Pending"/>: the roles need two factors and no authenticator is enrolled yet.</summary>
    public const string PendingTwoFactor = "two-factor";

    /// <summary>
    /// How the session was signed in, when not with the account's password: <see cref="ViaProvider"/> or
    /// <see cref="ViaProviderWithMfa"/> (docs/security.md "External identity (OIDC)").
    /// </summary>
    public const string SignIn = "ecomonitor:sign-in";

    /// <summary><see cref="SignIn"/>: through the identity provider; its sign-in counts as one factor.</summary>
    public const string ViaProvider = "oidc";

    /// <summary><see cref="SignIn"/>: through the identity provider, trusted to have asked for a second factor (<c>Identity:Oidc:TrustProviderMfa</c>).</summary>
    public const string ViaProviderWithMfa = "oidc-mfa";

    /// <summary>The session's principal for <paramref name="account"/> with the pending steps <paramref name="pending"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="pending">What the session must do first (<see cref="PendingOf(UserAccount, AccountService, NodaTime.Instant, string?)"/>).</param>
    /// <param name="scheme">The authentication scheme.</param>
    /// <param name="signIn">Null for a password sign-in, else <see cref="ViaProvider"/> or <see cref="ViaProviderWithMfa"/>.</param>
    public static ClaimsPrincipal Principal(UserAccount account, IReadOnlyList<string> pending, string scheme, string? signIn)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(pending);
        List<Claim> claims =
        [
            new(ClaimTypes.Name, account.UserName),
            new(AccountId, account.Id.ToString(CultureInfo.InvariantCulture)),
            new(Stamp, StampOf(account, pending)),
            new(Credential, CredentialOf(account)),
            new(DisplayName, account.DisplayName),
        ];
        claims.AddRange(account.Roles.Select(r => new Claim(StaffPermissions.RoleClaimType, r.ToString())));
        if (account.Jurisdiction is { } jurisdiction)
        {
            claims.Add(new Claim(Jurisdiction, jurisdiction.ToString()));
        }

        if (account.Enterprise is { } enterprise)
        {
            claims.Add(new Claim(Enterprise, enterprise));
        }

        claims.AddRange(pending.Select(p => new Claim(Pending, p)));
        if (signIn is not null)
        {
            claims.Add(new Claim(SignIn, signIn));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>
    /// What <paramref name="account"/>'s session must do first at <paramref name="now"/>. A session signed in through the
    /// provider (<paramref name="signIn"/> not null) sets no password (it did not use one); one whose provider is trusted
    /// for the second factor enrols no authenticator.
    /// </summary>
    public static IReadOnlyList<string> PendingOf(UserAccount account, AccountService accounts, NodaTime.Instant now, string? signIn)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(accounts);
        List<string> pending = [];
        if (signIn is null && (account.MustChangePassword || accounts.IsPasswordExpired(account, now)))
        {
            pending.Add(PendingPassword);
        }

        if (signIn != ViaProviderWithMfa && account.TotpSecret is null && accounts.RequiresTwoFactor(account.Roles))
        {
            pending.Add(PendingTwoFactor);
        }

        return pending;
    }

    /// <summary>The stamp of claims built from <paramref name="account"/> with <paramref name="pending"/>.</summary>
    public static string StampOf(UserAccount account, IReadOnlyList<string> pending)
    {
        ArgumentNullException.ThrowIfNull(account);
        return string.Create(CultureInfo.InvariantCulture, $"{account.Version}|{string.Join(',', pending)}");
    }

    /// <summary>
    /// The <see cref="Credential"/> of <paramref name="account"/>'s present password: when it was set, to the millisecond
    /// (what every engine keeps, so that an account as written and as read back give the same).
    /// </summary>
    public static string CredentialOf(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return (account.PasswordChangedAt?.ToUnixTimeMilliseconds() ?? 0).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>How <paramref name="user"/>'s session was signed in: null for a password, else <see cref="ViaProvider"/> or <see cref="ViaProviderWithMfa"/>.</summary>
    public static string? SignInOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(SignIn)?.Value;
    }

    /// <summary>The steps <paramref name="user"/>'s session must do first (none for a key or a complete session).</summary>
    public static IReadOnlyList<string> PendingOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. user.FindAll(Pending).Select(c => c.Value)];
    }
}
