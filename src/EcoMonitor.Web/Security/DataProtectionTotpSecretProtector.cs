using EcoMonitor.Application.Access;
using Microsoft.AspNetCore.DataProtection;

namespace EcoMonitor.Web.Security;

/// <summary>
/// TOTP secrets encrypted with the platform's data-protection keys (shared by the nodes through the store and encrypted at
/// rest when configured; docs/deploy.md "Hardening"), under a purpose of their own.
/// </summary>
internal sealed class DataProtectionTotpSecretProtector(IDataProtectionProvider provider) : ITotpSecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("EcoMonitor.Accounts.TotpSecret.v1");

    /// <inheritdoc />
    public string Protect(string secret) => _protector.Protect(secret);

    /// <inheritdoc />
    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
