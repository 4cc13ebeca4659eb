using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Application.Access;

/// <summary>Sign-in rules of accounts (section <c>Accounts</c>; the password policy is <see cref="PasswordPolicyOptions"/>).</summary>
public sealed class AccountOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Accounts";

    /// <summary>Wrong passwords or codes in a row that lock the account (等保: 登录失败处理).</summary>
    [Range(3, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account refuses every sign-in (a system administrator may unlock it sooner).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The issuer shown in authenticator apps.</summary>
    [Required]
    public string TotpIssuer { get; set; } = "EcoMonitor";

    /// <summary>
    /// True (the default): enforcement staff, who read falsification evidence and act on alarms, sign in with two factors
    /// like the three administrators (ADR 0036 §5). The administrators always need them, whatever this says.
    /// </summary>
    public bool TwoFactorForEnforcement { get; set; } = true;

    /// <summary>How long the first-run set-up token printed at start stays good (ADR 0036 §6).</summary>
    public TimeSpan SetUpTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Null when the settings are usable, else what is wrong (for the options validation at start).</summary>
    public string? Problem() =>
        MaxFailedSignIns is < 3 or > 100 ? "Accounts:MaxFailedSignIns must be 3–100"
        : LockoutDuration <= TimeSpan.Zero ? "Accounts:LockoutDuration must be positive"
        : string.IsNullOrWhiteSpace(TotpIssuer) ? "Accounts:TotpIssuer must not be empty"
        : SetUpTokenLifetime <= TimeSpan.Zero ? "Accounts:SetUpTokenLifetime must be positive"
        : null;
}
