using NodaTime;

namespace EcoMonitor.Application.Access;

/// <summary>The result of <see cref="AccountService.SignInAsync"/>.</summary>
public sealed record SignInResult(SignInOutcome Outcome)
{
    /// <summary>The account signed in (only when <see cref="SignInOutcome.Succeeded"/>).</summary>
    public UserAccount? Account { get; init; }

    /// <summary>Until when a locked account refuses sign-in.</summary>
    public Instant? LockedUntil { get; init; }

    /// <summary>The session may only set a new password: first sign-in, a reset, or an administrator's password past its age.</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>The account's roles need two factors and it has no authenticator yet: the session may only enrol one.</summary>
    public bool MustEnrolTwoFactor { get; init; }

    /// <summary>A recovery code was used (one fewer left).</summary>
    public bool UsedRecoveryCode { get; init; }
}
