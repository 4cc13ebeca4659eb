using System.Security.Cryptography;

namespace EcoMonitor.Application.Access;

/// <summary>
/// One-time recovery codes for a lost authenticator: ten codes of ten characters (50 random bits each, an alphabet
/// without 0/O and 1/l/I), shown once, stored only as <see cref="AccountPasswords"/> hashes; a used code is removed.
/// </summary>
public sealed class RecoveryCodes(AccountPasswords passwords)
{
    /// <summary>How many codes an account gets.</summary>
    public const int Count = 10;

    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>New codes (to show once, as <c>xxxxx-xxxxx</c>) and their hashes (to store).</summary>
    public (IReadOnlyList<string> Codes, IReadOnlyList<string> Hashes) Generate()
    {
        string[] codes = new string[Count];
        for (int i = 0; i < Count; i++)
        {
            string code = RandomNumberGenerator.GetString(Alphabet, 10);
            codes[i] = code[..5] + "-" + code[5..];
        }

        return (codes, [.. codes.Select(c => passwords.Hash(Normalise(c)))]);
    }

    /// <summary>The index of the stored hash <paramref name="code"/> matches (typed with or without the dash, any case), or -1.</summary>
    public int Match(string code, IReadOnlyList<string> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        string normal = Normalise(code ?? string.Empty);
        if (normal.Length != 10)
        {
            return -1;
        }

        for (int i = 0; i < hashes.Count; i++)
        {
            if (passwords.Verify(hashes[i], normal) != PasswordCheck.Wrong)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Normalise(string code) =>
        new([.. code.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant)]);
}
