using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Application.Access;

/// <summary>
/// The password policy of accounts (section <c>Accounts:PasswordPolicy</c>), defaults per 等保 2.0 level 3 (GB/T 22239-2019
/// 8.1.4.1 身份鉴别: passwords of sufficient complexity, changed regularly).
/// </summary>
public sealed class PasswordPolicyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Accounts:PasswordPolicy";

    /// <summary>Fewest characters (text elements) of a password.</summary>
    [Range(8, 128)]
    public int MinLength { get; set; } = 8;

    /// <summary>Most characters: longer input is refused before hashing (the hash of a megabyte costs the server).</summary>
    [Range(64, 1024)]
    public int MaxLength { get; set; } = 256;

    /// <summary>Of the four classes (lower-case, upper-case, digits, anything else), how many a password must use.</summary>
    [Range(1, 4)]
    public int MinCharacterClasses { get; set; } = 3;

    /// <summary>How many of an account's previous passwords may not be used again.</summary>
    [Range(0, 24)]
    public int HistoryDepth { get; set; } = 3;

    /// <summary>An administrator's password must be changed after this long (system, security and audit administrators).</summary>
    public TimeSpan AdministratorMaxAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Null when the settings are usable, else what is wrong (for the options validation at start).</summary>
    public string? Problem() =>
        MinLength is < 8 or > 128 ? "Accounts:PasswordPolicy:MinLength must be 8–128 (等保 level 3 asks for at least 8)"
        : MaxLength < Math.Max(64, MinLength) || MaxLength > 1024 ? "Accounts:PasswordPolicy:MaxLength must be 64–1024 and not below MinLength"
        : MinCharacterClasses is < 1 or > 4 ? "Accounts:PasswordPolicy:MinCharacterClasses must be 1–4"
        : HistoryDepth is < 0 or > 24 ? "Accounts:PasswordPolicy:HistoryDepth must be 0–24"
        : AdministratorMaxAge <= TimeSpan.Zero ? "Accounts:PasswordPolicy:AdministratorMaxAge must be positive"
        : null;
}
