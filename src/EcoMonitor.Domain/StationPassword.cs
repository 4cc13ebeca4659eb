using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcoMonitor.Domain;

/// <summary>
/// A station's HJ 212 access password (PW, 访问密码). Given by an operator (registry file, API) it is plain text that a
/// logger can send: 6 to 9 printable ASCII characters without spaces and without the protocol's separators
/// <c>; = , &amp;</c> (HJ 212-2017 allows 9 characters, HJ/T 212-2005 6). Kept by the platform only as a salted
/// PBKDF2-HMAC-SHA256 hash in the text form <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c> (base64), so a
/// copied database hands out no working password. A plain password is turned into the hashed form once, by the
/// registry (<see cref="Hash"/>); both forms <see cref="Matches(ReadOnlySpan{byte})"/> what a frame sent. Immutable;
/// equal when the text forms are equal.
/// </summary>
public sealed record StationPassword
{
    /// <summary>Shortest password accepted (HJ/T 212-2005 passwords have 6 characters).</summary>
    public const int MinLength = 6;

    /// <summary>Longest password a logger can send (HJ 212-2017: PW has at most 9 characters).</summary>
    public const int MaxLength = 9;

    /// <summary>Fewest PBKDF2 iterations accepted when hashing.</summary>
    public const int MinIterations = 1_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private StationPassword(string text, bool isHashed)
    {
        Text = text;
        IsHashed = isHashed;
    }

    /// <summary>True for the hashed form (as stored), false for a plain password not yet hashed.</summary>
    public bool IsHashed { get; }

    /// <summary>The hashed form's text (as stored), or the plain password; never shown or logged.</summary>
    public string Text { get; }

    /// <summary>Null when <paramref name="text"/> is a password a logger can send, else why not (operator-readable).</summary>
    public static string? Problem(ReadOnlySpan<char> text)
    {
        if (text.Length is < MinLength or > MaxLength)
        {
            return $"must have {MinLength} to {MaxLength} characters (HJ 212-2017: PW has at most {MaxLength}), not {text.Length}";
        }

        foreach (char c in text)
        {
            if (c <= ' ' || c > '~' || c is ';' or '=' or ',' or '&')
            {
                return "may only hold printable ASCII characters without spaces and without ; = , & (a logger cannot send others)";
            }
        }

        return null;
    }

    /// <summary>A plain password given by an operator.</summary>
    /// <exception cref="DomainValidationException">Code <c>station_password.invalid</c> when it is not one a logger can send.</exception>
    public static StationPassword Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Problem(text) is { } problem
            ? throw new DomainValidationException("station_password.invalid", "The station password " + problem + ".")
            : new StationPassword(text, isHashed: false);
    }

    /// <summary>
    /// Reads a stored password: the hashed form, or (written before passwords were hashed) a plain password, which the
    /// registry hashes when it loads the station.
    /// </summary>
    public static StationPassword FromStored(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return TryReadHash(stored, out _, out _, out _) ? new StationPassword(stored, isHashed: true) : new StationPassword(stored, isHashed: false);
    }

    /// <summary>This password hashed with a new random salt and <paramref name="iterations"/>; itself when already hashed.</summary>
    public StationPassword Hash(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        if (IsHashed)
        {
            return this;
        }

        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(Text), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        string text = string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
        return new StationPassword(text, isHashed: true);
    }

    /// <summary>
    /// True when <paramref name="sent"/> (the PW bytes of a frame) is this password. Constant time for the plain form; for
    /// the hashed form one PBKDF2 derivation (milliseconds: callers on a hot path cache a success).
    /// </summary>
    public bool Matches(ReadOnlySpan<byte> sent)
    {
        if (!IsHashed)
        {
            Span<byte> plain = stackalloc byte[MaxLength * 4];
            return Encoding.UTF8.TryGetBytes(Text, plain, out int written) && CryptographicOperations.FixedTimeEquals(sent, plain[..written]);
        }

        if (sent.Length > 64 || !TryReadHash(Text, out int iterations, out byte[] salt, out byte[] expected))
        {
            return false;
        }

        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(sent, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when the plain <paramref name="password"/> is this password (a re-seeded registry file keeps the stored hash).</summary>
    public bool Matches(StationPassword password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return password.IsHashed ? password == this : Matches(Encoding.ASCII.GetBytes(password.Text));
    }

    /// <inheritdoc />
    public override string ToString() => IsHashed ? Scheme : "(plain)";

    private static bool TryReadHash(string text, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        string[] parts = text.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
            return salt.Length > 0 && hash.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
