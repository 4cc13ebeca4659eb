using System.Buffers;

namespace EcoMonitor.Application.Access;

/// <summary>
/// Account names: 1–64 characters of ASCII letters, digits and <c>. _ - @</c>, compared without regard to case — so that
/// <c>Zhang.Wei</c> and <c>zhang.wei</c> are one account and nobody registers a look-alike with other letters. The
/// bootstrap key's and the set-up's names in the audit trail are no account's.
/// </summary>
public static class AccountNames
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 64;

    /// <summary>The name the emergency bootstrap key acts under (audit trail, security events); reserved.</summary>
    public const string BootstrapKeyName = "bootstrap-admin";

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@");

    /// <summary>Null when <paramref name="name"/> may name an account, else why not.</summary>
    public static string? Problem(string? name) =>
        string.IsNullOrEmpty(name) ? "an account name is required"
        : name.Length > MaxLength ? $"an account name has at most {MaxLength} characters"
        : name.AsSpan().ContainsAnyExcept(Allowed) ? "an account name uses only ASCII letters, digits and . _ - @"
        : string.Equals(name, BootstrapKeyName, StringComparison.OrdinalIgnoreCase) ? $"'{BootstrapKeyName}' is the emergency key's name in the audit trail"
        : string.Equals(name, Audit.AuditActors.SetUp, StringComparison.OrdinalIgnoreCase) ? $"'{Audit.AuditActors.SetUp}' is the first-run set-up's name in the audit trail"
        : null;

    /// <summary>The key under which the store keeps <paramref name="name"/> unique (lower-case ASCII).</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant();
    }
}
