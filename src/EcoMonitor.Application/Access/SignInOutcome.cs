namespace EcoMonitor.Application.Access;

/// <summary>What a sign-in attempt came to (<see cref="AccountService.SignInAsync"/>).</summary>
public enum SignInOutcome
{
    /// <summary>Signed in (see <see cref="SignInResult.MustChangePassword"/> and <see cref="SignInResult.MustEnrolTwoFactor"/>).</summary>
    Succeeded,

    /// <summary>The password was right; now the authenticator's code (or a recovery code) is needed. Nothing counted.</summary>
    SecondFactorRequired,

    /// <summary>Unknown account, wrong password or wrong code: the same answer for each, so that names cannot be probed.</summary>
    Failed,

    /// <summary>Too many failures: refused until <see cref="SignInResult.LockedUntil"/>.</summary>
    LockedOut,

    /// <summary>The credentials were right but the account is disabled.</summary>
    Disabled,
}
