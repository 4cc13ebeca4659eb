using System.Security.Cryptography;
using System.Text;

namespace EcoMonitor.Application.Access;

/// <summary>
/// The keys of API clients (ADR 0036 §8): <c>ecm_&lt;id&gt;_&lt;secret&gt;</c>, the id <see cref="IdLength"/> characters of
/// <c>a-z0-9</c> (≈ 62 bits, public: it names the client), the secret 32 random bytes in base64url (43 characters). The
/// store keeps the SHA-256 of the secret: a 256-bit random secret cannot be guessed from its hash, so it needs no slow
/// password hash, and checking a key costs one hash.
/// </summary>
public static class ApiClientKeys
{
    /// <summary>What every key starts with (so that a leaked key is recognised by secret scanners and by us).</summary>
    public const string Prefix = "ecm_";

    /// <summary>The length of a client's id.</summary>
    public const int IdLength = 12;

    /// <summary>The length of a secret (32 bytes in base64url without padding).</summary>
    public const int SecretLength = 43;

    /// <summary>The length of a whole key.</summary>
    public const int KeyLength = 4 + IdLength + 1 + SecretLength;

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new random id.</summary>
    public static string NewId() => RandomNumberGenerator.GetString(IdAlphabet, IdLength);

    /// <summary>A new random secret.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key of <paramref name="id"/> and <paramref name="secret"/>.</summary>
    public static string Format(string id, string secret) => $"{Prefix}{id}_{secret}";

    /// <summary>The stored hash of <paramref name="secret"/>: its SHA-256 as lower-case hex.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>True when <paramref name="key"/> has the shape of a client key; then its id and secret.</summary>
    public static bool TryParse(ReadOnlySpan<char> key, out string id, out string secret)
    {
        id = "";
        secret = "";
        if (key.Length != KeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        ReadOnlySpan<char> idPart = key.Slice(Prefix.Length, IdLength);
        ReadOnlySpan<char> secretPart = key[(Prefix.Length + IdLength + 1)..];
        foreach (char c in idPart)
        {
            if (!IdAlphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (char c in secretPart)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        id = idPart.ToString();
        secret = secretPart.ToString();
        return true;
    }

    /// <summary>True when the SHA-256 of <paramref name="secret"/> is <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        Span<byte> expected = stackalloc byte[32];
        if (storedHash.Length != 64 || Convert.FromHexString(storedHash, expected, out _, out int written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), expected);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
