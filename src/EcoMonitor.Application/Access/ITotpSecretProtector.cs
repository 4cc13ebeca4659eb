namespace EcoMonitor.Application.Access;

/// <summary>
/// Encrypts TOTP secrets before they are stored and decrypts them to check a code (the host implements it with the
/// platform's data-protection keys, shared by the nodes and encrypted at rest; docs/deploy.md "Hardening").
/// </summary>
public interface ITotpSecretProtector
{
    /// <summary>The stored form of <paramref name="secret"/>.</summary>
    string Protect(string secret);

    /// <summary>The secret of a stored form; throws when it cannot be read (other keys).</summary>
    string Unprotect(string protectedSecret);
}
