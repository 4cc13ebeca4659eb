using System.Globalization;
using System.Security.Claims;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Security;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Security;

/// <summary>
/// What every person does to their own account (ADR 0036): set a new password (also the only thing a session with a
/// temporary or expired password may do) and enrol an authenticator (the only other thing, for roles that need two
/// factors). Open to any signed-in person; the emergency key has no account. A wrong current password counts toward the
/// same back-off as a wrong sign-in. A new password ends the account's other sessions; the changing one goes on.
/// </summary>
internal static class OwnAccountEndpoints
{
    private const int MaxPasswordLength = 256;

    public static WebApplication MapOwnAccount(this WebApplication app)
    {
        RouteGroupBuilder me = app.MapGroup("/api/v1/console/me").WithTags("Console").RequireRateLimiting(RateLimitHostingExtensions.ApiPolicy);
        me.MapPost("/password", ChangePasswordAsync).RequireSignedIn()
            .WithSummary("Sets the signed-in person's password.")
            .WithDescription("Body: {\"currentPassword\": \"…\", \"newPassword\": \"…\"}. The policy (docs/security.md \"Password policy\"): at least Accounts:PasswordPolicy:MinLength (8) characters of at least 3 classes (lower case, upper case, digits, others), not containing the user name, none of the last 3 passwords. 204; every other session of the account ends, this one goes on; 400 `invalid-body` naming what the new password lacks or that the current one is wrong.");
        me.MapPost("/two-factor", BeginTwoFactorAsync).RequireSignedIn()
            .WithSummary("Starts enrolling an authenticator app: a new secret, its otpauth:// link (for a QR code) and the enrolment token to confirm with.")
            .WithDescription("Nothing is stored until POST /two-factor/confirm proves the app holds the secret; the enrolment token is good for 10 minutes.");
        me.MapPost("/two-factor/confirm", ConfirmTwoFactorAsync).RequireSignedIn()
            .WithSummary("Finishes the enrolment with the app's current code; returns ten recovery codes, shown once (earlier ones stop working).");
        return app;
    }

    private static async Task<Results<NoContent, InvalidBodyProblem, UnknownAccountProblem, TooManyAttemptsProblem>> ChangePasswordAsync(
        OwnPasswordInput input, ClaimsPrincipal user, HttpContext context, AccountService accounts, AccountSessionValidator sessions,
        ConsoleSignInThrottle throttle, ISecurityEventSink events, TimeProvider time)
    {
        if (AccountIdOf(user) is not { } id)
        {
            return NoAccount();
        }

        string name = user.Identity!.Name!;
        string? remote = AuditActor.Address(context);
        string? client = remote is null ? null : NetworkAddress.LimitKey(context.Connection.RemoteIpAddress);
        if (input.NewPassword is not { Length: > 0 and <= MaxPasswordLength } newPassword || input.CurrentPassword is not { Length: <= MaxPasswordLength } current)
        {
            return new InvalidBodyProblem("The current password and a new one of at most 256 characters are required.",
                ApiProblems.Errors(input.NewPassword is { Length: > 0 and <= MaxPasswordLength } ? "$.currentPassword" : "$.newPassword", "required, at most 256 characters"));
        }

        if (!throttle.Throttle.TryTakeTurn(name, client, out TimeSpan wait))
        {
            int seconds = RetryAfter.Set(context.Response, wait);
            return new TooManyAttemptsProblem($"Too many wrong passwords for this user or from this address; try again in {seconds} s.");
        }

        UserAccount changed;
        try
        {
            changed = await accounts.ChangePasswordAsync(name, current, newPassword, context.RequestAborted);
        }
        catch (AccountRuleException e) when (e.Problems is [AccountService.WrongCurrentPassword])
        {
            throttle.Throttle.Failed(name, client);
            events.Record(new SecurityEvent(SecurityEventKind.SignInFailed, name, remote, time.GetUtcNow().ToInstant(), "wrong current password at a password change"));
            return new InvalidBodyProblem("The current password is not right.", ApiProblems.Errors("$.currentPassword", "not right"));
        }
        catch (AccountRuleException e)
        {
            return new InvalidBodyProblem("The new password is refused: " + string.Join("; ", e.Problems) + ".", ApiProblems.Errors("$.newPassword", [.. e.Problems]));
        }

        // Every session of the old password ends (AccountSessionValidator); this one goes on, its stored ticket
        // renewed with the new password's claims.
        sessions.Forget(id);
        await context.SignInAsync(ConsoleLoginEndpoints.Scheme,
            AccountClaims.Principal(changed, AccountClaims.PendingOf(changed, accounts, time.GetUtcNow().ToInstant(), AccountClaims.SignInOf(context.User)),
                ConsoleLoginEndpoints.Scheme, AccountClaims.SignInOf(context.User)));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<TwoFactorEnrolmentDto>, UnknownAccountProblem>> BeginTwoFactorAsync(
        ClaimsPrincipal user, AccountService accounts, TwoFactorEnrolments enrolments, IAuditTrail audit, CancellationToken cancellationToken)
    {
        if (AccountIdOf(user) is not { } id)
        {
            return NoAccount();
        }

        string name = user.Identity!.Name!;
        (string secret, Uri link) = accounts.BeginTwoFactor(name);
        await audit.RecordAsync(new AuditRecord(name, "account.two-factor-enrolment-started", "account", name), cancellationToken);
        return TypedResults.Ok(new TwoFactorEnrolmentDto(secret, link.AbsoluteUri, enrolments.Protect(id, secret)));
    }

    private static async Task<Results<Ok<RecoveryCodesDto>, InvalidBodyProblem, UnknownAccountProblem>> ConfirmTwoFactorAsync(
        TwoFactorConfirmInput input, ClaimsPrincipal user, HttpContext context, AccountService accounts, TwoFactorEnrolments enrolments, AccountSessionValidator sessions)
    {
        if (AccountIdOf(user) is not { } id)
        {
            return NoAccount();
        }

        if (input.Enrolment is not { Length: > 0 and <= 4096 } token || !enrolments.TryUnprotect(token, id, out string secret))
        {
            return new InvalidBodyProblem("The enrolment is not good (older than 10 minutes, or not this account's): start again.", ApiProblems.Errors("$.enrolment", "start the enrolment again"));
        }

        try
        {
            IReadOnlyList<string> codes = await accounts.ConfirmTwoFactorAsync(user.Identity!.Name!, secret, input.Code ?? "", context.RequestAborted);
            sessions.Forget(id);
            return TypedResults.Ok(new RecoveryCodesDto(codes));
        }
        catch (AccountRuleException e)
        {
            return new InvalidBodyProblem(string.Join("; ", e.Problems) + ".", ApiProblems.Errors("$.code", [.. e.Problems]));
        }
    }

    private static long? AccountIdOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(AccountClaims.AccountId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : null;

    private static UnknownAccountProblem NoAccount() => new("The emergency key has no account of its own: sign in to the console as a person.");
}
