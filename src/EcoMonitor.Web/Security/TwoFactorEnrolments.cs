using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace EcoMonitor.Web.Security;

/// <summary>
/// The pending enrolment of an authenticator between its two steps, held by the browser rather than the node: the new
/// secret and the account id, encrypted under the platform's data-protection keys (so any node finishes what another
/// began) and good for <see cref="Lifetime"/>.
/// </summary>
internal sealed class TwoFactorEnrolments(IDataProtectionProvider provider)
{
    /// <summary>How long an enrolment may take.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("EcoMonitor.Accounts.TwoFactorEnrolment.v1").ToTimeLimitedDataProtector();

    /// <summary>The enrolment token of <paramref name="secret"/> for account <paramref name="accountId"/>.</summary>
    public string Protect(long accountId, string secret) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{accountId}|{secret}"), Lifetime);

    /// <summary>The secret of <paramref name="token"/> when it is good and was made for <paramref name="accountId"/>.</summary>
    public bool TryUnprotect(string token, long accountId, out string secret)
    {
        secret = "";
        try
        {
            string[] parts = _protector.Unprotect(token).Split('|', 2);
            if (parts.Length == 2 && parts[0] == accountId.ToString(CultureInfo.InvariantCulture))
            {
                secret = parts[1];
                return true;
            }
        }
        catch (CryptographicException)
        {
            // Tampered, expired or made under a retired key.
        }
        catch (FormatException)
        {
            // Not a token at all.
        }

        return false;
    }
}
