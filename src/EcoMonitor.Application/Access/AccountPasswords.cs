using Microsoft.AspNetCore.Identity;

namespace EcoMonitor.Application.Access;

/// <summary>
/// Hashes and checks account passwords and recovery codes with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2-HMAC-SHA512, 100,000 iterations, random salt, a versioned format it can upgrade): no home-made hashing (issue
/// 14). Thread-safe.
/// </summary>
public sealed class AccountPasswords
{
    // The hasher's TUser is not used by its algorithm; this type only names what is hashed.
    private readonly PasswordHasher<AccountPasswords> _hasher = new();

    /// <summary>A new salted hash of <paramref name="password"/>.</summary>
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return _hasher.HashPassword(this, password);
    }

    /// <summary>Whether <paramref name="password"/> is the one <paramref name="hash"/> was made from.</summary>
    public PasswordCheck Verify(string hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(password);
        try
        {
            return _hasher.VerifyHashedPassword(this, hash, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Right,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
                _ => PasswordCheck.Wrong,
            };
        }
        catch (FormatException)
        {
            return PasswordCheck.Wrong;
        }
    }

    /// <summary>True when <paramref name="password"/> is one of the passwords the <paramref name="previousHashes"/> were made from.</summary>
    public bool WasUsedBefore(string password, IEnumerable<string> previousHashes)
    {
        ArgumentNullException.ThrowIfNull(previousHashes);
        return previousHashes.Any(h => Verify(h, password) != PasswordCheck.Wrong);
    }
}
