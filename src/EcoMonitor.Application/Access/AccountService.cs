using System.Security.Cryptography;
using EcoMonitor.Application.Audit;
using EcoMonitor.Domain;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Access;

/// <summary>
/// People's accounts (ADR 0036, issue 14): the system administrator creates, disables and resets them; the security
/// administrator assigns roles and jurisdictions; each person signs in (password, lockout, two factors where the roles
/// need them), changes their password under the policy and enrols an authenticator. Every change is in the audit trail
/// with the actor; sign-in outcomes are returned for the host to record as security events. Thread-safe; changes are
/// read-modify-write against the store's version, retried when another node changed the account meanwhile.
/// </summary>
public sealed partial class AccountService(
    IAccountStore store,
    IAuditTrail audit,
    AccountPasswords passwords,
    PasswordPolicy policy,
    RecoveryCodes recovery,
    TotpAuthenticator totp,
    ITotpSecretProtector protector,
    IOptions<AccountOptions> options,
    TimeProvider time)
{
    private const int MaxDisplayName = 64;
    private const int MaxAttempts = 5;
    /// <summary>The one problem of <see cref="ChangePasswordAsync"/> when the current password is wrong.</summary>
    public const string WrongCurrentPassword = "the current password is not right";

    private const string TemporaryAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    // Verified when the name is unknown, so that an unknown name costs as long as a wrong password.
    private readonly Lazy<string> _dummyHash = new(() => passwords.Hash(Guid.NewGuid().ToString("N")));

    /// <summary>Creates an account with no role and a temporary password to hand over (changed at first sign-in).</summary>
    public async Task<(UserAccount Account, string TemporaryPassword)> CreateAsync(string actor, string userName, string displayName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        List<string> problems = [];
        if (AccountNames.Problem(userName) is { } nameProblem)
        {
            problems.Add(nameProblem);
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > MaxDisplayName)
        {
            problems.Add($"a display name of 1–{MaxDisplayName} characters is required");
        }

        if (problems.Count > 0)
        {
            throw new AccountRuleException(problems);
        }

        string temporary = TemporaryPassword();
        Instant now = Now();
        UserAccount account = await store.CreateAsync(new UserAccount
        {
            UserName = userName,
            DisplayName = displayName.Trim(),
            PasswordHash = passwords.Hash(temporary),
            PasswordChangedAt = now,
            MustChangePassword = true,
            CreatedAt = now,
            CreatedBy = actor,
        }, cancellationToken);
        await RecordAsync(actor, "account.created", null, account, cancellationToken);
        return (account, temporary);
    }

    /// <summary>
    /// Gives the account exactly <paramref name="roles"/>, <paramref name="jurisdiction"/> and (for an enterprise user)
    /// <paramref name="enterprise"/>. Nobody changes their own access.
    /// </summary>
    public Task<UserAccount> AssignAccessAsync(
        string actor, string userName, IReadOnlyList<Role> roles, RegionCode? jurisdiction, string? enterprise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        List<string> problems = [];
        if (AccountNames.Key(actor) == AccountNames.Key(userName))
        {
            problems.Add("nobody assigns their own roles");
        }

        if (RoleAssignment.ProblemForAccount(roles) is { } roleProblem)
        {
            problems.Add(roleProblem);
        }

        if (jurisdiction is null && roles.Any(RoleAssignment.NeedsJurisdiction))
        {
            problems.Add("these roles read station data: a jurisdiction (province, city or county code) is required");
        }

        bool isEnterprise = roles.Contains(Role.EnterpriseUser);
        if (isEnterprise == string.IsNullOrWhiteSpace(enterprise))
        {
            problems.Add(isEnterprise ? "an enterprise user needs its enterprise" : "only an enterprise user is bound to an enterprise");
        }

        if (problems.Count > 0)
        {
            throw new AccountRuleException(problems);
        }

        return ChangeAsync(actor, userName, "account.access-assigned",
            a => a with { Roles = AccountColumns.Normalise(roles), Jurisdiction = jurisdiction, Enterprise = isEnterprise ? enterprise!.Trim() : null },
            cancellationToken);
    }

    /// <summary>Disables (or enables again) an account; nobody disables themselves.</summary>
    public Task<UserAccount> SetDisabledAsync(string actor, string userName, bool disabled, CancellationToken cancellationToken)
    {
        if (disabled && AccountNames.Key(actor) == AccountNames.Key(userName))
        {
            throw new AccountRuleException("nobody disables their own account");
        }

        return ChangeAsync(actor, userName, disabled ? "account.disabled" : "account.enabled", a => a with { IsDisabled = disabled }, cancellationToken);
    }

    /// <summary>A new temporary password for a person who forgot theirs; lifts a lockout. The authenticator stays enrolled.</summary>
    public async Task<(UserAccount Account, string TemporaryPassword)> ResetPasswordAsync(string actor, string userName, CancellationToken cancellationToken)
    {
        string temporary = TemporaryPassword();
        UserAccount account = await ChangeAsync(actor, userName, "account.password-reset", a => WithPassword(a, passwords.Hash(temporary)) with
        {
            MustChangePassword = true, FailedSignIns = 0, LockedUntil = null,
        }, cancellationToken);
        return (account, temporary);
    }

    /// <summary>
    /// Checks a sign-in: the password, then — when the account has an authenticator — <paramref name="code"/> (a TOTP
    /// code or a recovery code). Failures count toward the lockout; a successful sign-in resets them.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        for (int attempt = 1; ; attempt++)
        {
            UserAccount? account = AccountNames.Problem(userName) is null ? await store.FindAsync(userName, cancellationToken) : null;
            if (account?.PasswordHash is null)
            {
                _ = passwords.Verify(_dummyHash.Value, password);
                return new SignInResult(SignInOutcome.Failed);
            }

            Instant now = Now();
            if (account.LockedUntil is { } until && until > now)
            {
                return new SignInResult(SignInOutcome.LockedOut) { LockedUntil = until };
            }

            (SignInResult result, UserAccount? changed) = Judge(account, password, code, now);
            if (changed is null)
            {
                return result;
            }

            if (await StoreJudgedAsync(account, result, changed, cancellationToken) is { } stored)
            {
                return stored;
            }

            if (attempt == MaxAttempts)
            {
                throw new AccountConflictException($"account '{userName}' kept changing during the sign-in; try again");
            }
        }
    }

    /// <summary>
    /// Stores what judging a sign-in step changed on <paramref name="account"/> (failures, lockout, the used step or
    /// recovery code) and records a lockout; null when the account changed meanwhile (the caller judges again).
    /// </summary>
    private async Task<SignInResult?> StoreJudgedAsync(UserAccount account, SignInResult result, UserAccount changed, CancellationToken cancellationToken)
    {
        UserAccount? stored = await store.UpdateAsync(changed, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        if (result.Outcome == SignInOutcome.LockedOut)
        {
            await RecordAsync(AuditActors.Accounts, "account.locked", account, stored, cancellationToken);
        }

        return result with { Account = result.Outcome == SignInOutcome.Succeeded ? stored : null };
    }

    /// <summary>Sets a new password of the person's own choosing, under the policy; needs the current one.</summary>
    public async Task<UserAccount> ChangePasswordAsync(string userName, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newPassword);
        UserAccount account = await store.FindAsync(userName, cancellationToken) ?? throw new AccountRuleException(WrongCurrentPassword);
        if (account.PasswordHash is null || passwords.Verify(account.PasswordHash, currentPassword) == PasswordCheck.Wrong)
        {
            throw new AccountRuleException(WrongCurrentPassword);
        }

        List<string> problems = [.. policy.Problems(newPassword, account.UserName)];
        if (problems.Count == 0 && passwords.WasUsedBefore(newPassword, [account.PasswordHash, .. account.PasswordHistory.Take(policy.Options.HistoryDepth)]))
        {
            problems.Add($"must differ from the current password and the {policy.Options.HistoryDepth} before it");
        }

        if (problems.Count > 0)
        {
            throw new AccountRuleException(problems);
        }

        string hash = passwords.Hash(newPassword);
        return await ChangeAsync(account.UserName, account.UserName, "account.password-changed", a => WithPassword(a, hash) with { MustChangePassword = false }, cancellationToken);
    }

    /// <summary>
    /// Removes the authenticator and the recovery codes of a person who lost both (the system administrator, after
    /// checking who asks); roles that need two factors enrol a new one at the next sign-in.
    /// </summary>
    public Task<UserAccount> ResetTwoFactorAsync(string actor, string userName, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userName, "account.two-factor-reset", a => a with { TotpSecret = null, TotpLastStep = 0, RecoveryCodeHashes = [] }, cancellationToken);

    /// <summary>True when an account holding <paramref name="roles"/> must sign in with two factors (the settings' reading of ADR 0036 §5).</summary>
    public bool RequiresTwoFactor(IEnumerable<Role> roles) => RoleAssignment.RequiresTwoFactor(roles, options.Value.TwoFactorForEnforcement);

    /// <summary>
    /// True when <paramref name="account"/>'s password is past the administrators' maximum age at <paramref name="now"/>
    /// (the session may then only set a new one).
    /// </summary>
    public bool IsPasswordExpired(UserAccount account, Instant now)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Roles.Any(RoleAssignment.IsAdministrator)
            && (account.PasswordChangedAt is not { } changedAt || now - changedAt > Duration.FromTimeSpan(policy.Options.AdministratorMaxAge));
    }

    /// <summary>A new authenticator secret and its <c>otpauth://</c> link for <paramref name="userName"/>; nothing stored until confirmed.</summary>
    public (string Secret, Uri Link) BeginTwoFactor(string userName)
    {
        string secret = TotpAuthenticator.NewSecret();
        return (secret, TotpAuthenticator.EnrolmentLink(options.Value.TotpIssuer, userName, secret));
    }

    /// <summary>
    /// Stores the authenticator once <paramref name="code"/> proves the app holds <paramref name="secret"/>; returns new
    /// recovery codes, shown once (any earlier ones stop working).
    /// </summary>
    public async Task<IReadOnlyList<string>> ConfirmTwoFactorAsync(string userName, string secret, string code, CancellationToken cancellationToken)
    {
        if (!totp.TryVerify(secret, code, 0, out long step))
        {
            throw new AccountRuleException("the code does not match the new authenticator: check the phone's time and type the current code");
        }

        (IReadOnlyList<string> codes, IReadOnlyList<string> hashes) = recovery.Generate();
        string protectedSecret = protector.Protect(secret);
        await ChangeAsync(userName, userName, "account.two-factor-enrolled",
            a => a with { TotpSecret = protectedSecret, TotpLastStep = step, RecoveryCodeHashes = hashes }, cancellationToken);
        return codes;
    }

    private (SignInResult Result, UserAccount? Changed) Judge(UserAccount account, string password, string? code, Instant now)
    {
        PasswordCheck check = passwords.Verify(account.PasswordHash!, password);
        if (check == PasswordCheck.Wrong)
        {
            return Failure(account, now);
        }

        UserAccount changed = check == PasswordCheck.RightButRehash ? account with { PasswordHash = passwords.Hash(password) } : account;
        bool usedRecovery = false;
        if (account.TotpSecret is not null)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return (new SignInResult(SignInOutcome.SecondFactorRequired), changed == account ? null : changed);
            }

            if (totp.TryVerify(protector.Unprotect(account.TotpSecret), code, account.TotpLastStep, out long step))
            {
                changed = changed with { TotpLastStep = step };
            }
            else if (recovery.Match(code, account.RecoveryCodeHashes) is var index and >= 0)
            {
                changed = changed with { RecoveryCodeHashes = [.. account.RecoveryCodeHashes.Where((_, i) => i != index)] };
                usedRecovery = true;
            }
            else
            {
                return Failure(account, now);
            }
        }

        if (account.IsDisabled)
        {
            return (new SignInResult(SignInOutcome.Disabled), changed == account ? null : changed);
        }

        bool expired = IsPasswordExpired(account, now);
        changed = changed with { FailedSignIns = 0, LockedUntil = null, LastSignInAt = now };
        return (new SignInResult(SignInOutcome.Succeeded)
        {
            MustChangePassword = account.MustChangePassword || expired,
            MustEnrolTwoFactor = account.TotpSecret is null && RequiresTwoFactor(account.Roles),
            UsedRecoveryCode = usedRecovery,
        }, changed);
    }

    private (SignInResult Result, UserAccount Changed) Failure(UserAccount account, Instant now)
    {
        int failures = account.FailedSignIns + 1;
        if (failures < options.Value.MaxFailedSignIns)
        {
            return (new SignInResult(SignInOutcome.Failed), account with { FailedSignIns = failures });
        }

        Instant until = now + Duration.FromTimeSpan(options.Value.LockoutDuration);
        return (new SignInResult(SignInOutcome.LockedOut) { LockedUntil = until }, account with { FailedSignIns = 0, LockedUntil = until });
    }

    private UserAccount WithPassword(UserAccount account, string hash) => account with
    {
        PasswordHash = hash,
        PasswordHistory = account.PasswordHash is null
            ? account.PasswordHistory
            : [account.PasswordHash, .. account.PasswordHistory.Take(Math.Max(0, policy.Options.HistoryDepth - 1))],
        PasswordChangedAt = Now(),
    };

    private async Task<UserAccount> ChangeAsync(string actor, string userName, string action, Func<UserAccount, UserAccount> change, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            UserAccount before = await store.FindAsync(userName, cancellationToken) ?? throw new AccountRuleException($"there is no account '{userName}'");
            UserAccount? after = await store.UpdateAsync(change(before), cancellationToken);
            if (after is not null)
            {
                await RecordAsync(actor, action, before, after, cancellationToken);
                return after;
            }

            if (attempt == MaxAttempts)
            {
                throw new AccountConflictException($"account '{userName}' kept changing; try again");
            }
        }
    }

    private Task<AuditEntry> RecordAsync(string actor, string action, UserAccount? before, UserAccount after, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(actor, action, "account", after.UserName)
        {
            Before = before is null ? null : AuditJson.Serialize(AccountAuditView.Of(before)),
            After = AuditJson.Serialize(AccountAuditView.Of(after)),
        }, cancellationToken);

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    // 16 random characters with lower, upper and digits (≈ 92 bits). Handed over once and changed at first sign-in, so
    // it is not judged by the policy.
    private static string TemporaryPassword()
    {
        while (true)
        {
            string candidate = RandomNumberGenerator.GetString(TemporaryAlphabet, 16);
            if (PasswordPolicy.CharacterClasses(candidate) == 3)
            {
                return candidate;
            }
        }
    }
}
