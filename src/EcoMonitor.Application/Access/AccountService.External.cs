using NodaTime;

namespace EcoMonitor.Application.Access;

/// <summary>Sign-in through an OpenID Connect provider (ADR 0036 §7): the provider proves who, the account says what.</summary>
public sealed partial class AccountService
{
    /// <summary>
    /// Links the account to <paramref name="identity"/> (or, with null, removes the link) — the security administrator's
    /// act, audited as <c>account.external-linked</c> / <c>account.external-unlinked</c>. Nobody links their own
    /// account; an identity links one account at most (<see cref="AccountConflictException"/>).
    /// </summary>
    public Task<UserAccount> LinkExternalAsync(string actor, string userName, ExternalIdentity? identity, CancellationToken cancellationToken)
    {
        if (AccountNames.Key(actor) == AccountNames.Key(userName))
        {
            throw new AccountRuleException("nobody links their own account to an external identity");
        }

        return ChangeAsync(actor, userName, identity is null ? "account.external-unlinked" : "account.external-linked",
            a => a with { ExternalSubject = identity?.Key }, cancellationToken);
    }

    /// <summary>
    /// Judges a sign-in whose identity the provider has proven: <see cref="SignInOutcome.Failed"/> when no account is
    /// linked to it (none is ever created), <see cref="SignInOutcome.Disabled"/> or <see cref="SignInOutcome.LockedOut"/>
    /// as for a password, else <see cref="SignInOutcome.Succeeded"/> with the sign-in time stored. The caller decides
    /// whether the provider's sign-in is enough or the authenticator's code must follow (<see cref="SecondFactorAsync"/>).
    /// </summary>
    public async Task<SignInResult> SignInExternalAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            UserAccount? account = await store.FindByExternalSubjectAsync(identity.Key, cancellationToken);
            if (account is null)
            {
                return new SignInResult(SignInOutcome.Failed);
            }

            if (account.IsDisabled)
            {
                return new SignInResult(SignInOutcome.Disabled) { Account = account };
            }

            Instant now = Now();
            if (account.LockedUntil is { } until && until > now)
            {
                return new SignInResult(SignInOutcome.LockedOut) { LockedUntil = until, Account = account };
            }

            UserAccount? stored = await store.UpdateAsync(account with { LastSignInAt = now }, cancellationToken);
            if (stored is not null)
            {
                return new SignInResult(SignInOutcome.Succeeded)
                {
                    Account = stored,
                    MustEnrolTwoFactor = stored.TotpSecret is null && RequiresTwoFactor(stored.Roles),
                };
            }

            if (attempt == MaxAttempts)
            {
                throw new AccountConflictException($"account '{account.UserName}' kept changing during the sign-in; try again");
            }
        }
    }

    /// <summary>
    /// The second step of a provider's sign-in for an account with an authenticator: <paramref name="code"/>, the app's
    /// current code or a recovery code, each good once; a wrong one counts toward the lockout as at a password sign-in.
    /// </summary>
    public async Task<SignInResult> SecondFactorAsync(long accountId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        for (int attempt = 1; ; attempt++)
        {
            UserAccount? account = await store.FindAsync(accountId, cancellationToken);
            if (account is null || account.TotpSecret is null)
            {
                return new SignInResult(SignInOutcome.Failed);
            }

            Instant now = Now();
            if (account.LockedUntil is { } until && until > now)
            {
                return new SignInResult(SignInOutcome.LockedOut) { LockedUntil = until };
            }

            (SignInResult result, UserAccount changed) = JudgeCode(account, code, now);
            if (await StoreJudgedAsync(account, result, changed, cancellationToken) is { } stored)
            {
                return stored;
            }

            if (attempt == MaxAttempts)
            {
                throw new AccountConflictException($"account '{account.UserName}' kept changing during the sign-in; try again");
            }
        }
    }

    private (SignInResult Result, UserAccount Changed) JudgeCode(UserAccount account, string code, Instant now)
    {
        UserAccount changed;
        bool usedRecovery = false;
        if (totp.TryVerify(protector.Unprotect(account.TotpSecret!), code, account.TotpLastStep, out long step))
        {
            changed = account with { TotpLastStep = step };
        }
        else if (recovery.Match(code, account.RecoveryCodeHashes) is var index and >= 0)
        {
            changed = account with { RecoveryCodeHashes = [.. account.RecoveryCodeHashes.Where((_, i) => i != index)] };
            usedRecovery = true;
        }
        else
        {
            return Failure(account, now);
        }

        return account.IsDisabled
            ? (new SignInResult(SignInOutcome.Disabled), changed)
            : (new SignInResult(SignInOutcome.Succeeded) { UsedRecoveryCode = usedRecovery }, changed with { FailedSignIns = 0, LockedUntil = null, LastSignInAt = now });
    }
}
