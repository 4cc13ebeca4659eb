namespace EcoMonitor.Application.Access;

/// <summary>What the audit trail records of an account before and after a change: never a hash, secret or code.</summary>
public sealed record AccountAuditView(
    string UserName,
    string DisplayName,
    IReadOnlyList<Role> Roles,
    string? Jurisdiction,
    string? Enterprise,
    bool Disabled,
    bool MustChangePassword,
    bool TwoFactor,
    bool Locked,
    string? ExternalSubject)
{
    /// <summary>The view of <paramref name="account"/>.</summary>
    public static AccountAuditView Of(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.UserName, account.DisplayName, account.Roles, account.Jurisdiction?.Value, account.Enterprise, account.IsDisabled,
            account.MustChangePassword, account.TotpSecret is not null, account.LockedUntil is not null, account.ExternalSubject);
    }
}
