using System.Buffers;

namespace EcoMonitor.Application.Access;

/// <summary>
/// Account names: 1–64 characters of ASCII letters, digits and <c>. _ - @</c>, compared without regard to case — so that
/// <c>Zhang.Wei</c> and <c>zhang.wei</c> are one account and nobody registers a look-alike with other letters.
/// </summary>
public static class AccountNames
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@");

    /// <summary>Null when <paramref name="name"/> may name an account, else why not.</summary>
    public static string? Problem(string? name) =>
        string.IsNullOrEmpty(name) ? "an account name is required"
        : name.Length > MaxLength ? $"an account name has at most {MaxLength} characters"
        : name.AsSpan().ContainsAnyExcept(Allowed) ? "an account name uses only ASCII letters, digits and . _ - @"
        : null;

    /// <summary>The key under which the store keeps <paramref name="name"/> unique (lower-case ASCII).</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant();
    }
}
