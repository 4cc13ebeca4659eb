using System.Globalization;
using System.Security.Claims;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Security;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using EcoMonitor.Web.Security.External;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Sign-in and sign-out of the staff console with a person's account (ADR 0036): password, then — for an account
/// with an authenticator — its code; lockout after repeated failures (<see cref="AccountOptions"/>) on top of the
/// per-name and per-address back-off; a session cookie whose claims say what the account may do.
/// </summary>
internal static class ConsoleLoginEndpoints
{
    /// <summary>The cookie authentication scheme of the console.</summary>
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    private const int MaxUserLength = 64;
    private const int MaxPasswordLength = 256;
    private const int MaxCodeLength = 64;

    public static WebApplication MapConsoleLogin(this WebApplication app)
    {
        // Under the API's rate limit per client too: the guessing backoff tracks a bounded number of names and clients.
        RouteGroupBuilder group = app.MapGroup("/api/v1/console").WithTags("Console").RequireRateLimiting(RateLimitHostingExtensions.ApiPolicy);
        group.MapPost("/login", LoginAsync).PublicData()
            .WithSummary("Signs in to the staff console and sets the session cookie.")
            .WithDescription("Body: {\"user\": \"zhang.wei\", \"password\": \"…\", \"code\": \"123456\"}. `code` — the authenticator's current code or one of the recovery codes — is needed only by accounts with an authenticator; without it such an account's right password answers 401 `second-factor-required`. 200 with the session (as GET /me) and an HttpOnly, SameSite=Strict cookie; a session whose `pending` is not empty may only set its password (POST /me/password) or enrol an authenticator (POST /me/two-factor) until it has. 401 `sign-in-failed` when the name, password or code is wrong, the account is locked (after Accounts:MaxFailedSignIns failures, for Accounts:LockoutDuration) or disabled — one answer for all, so that nobody learns which names exist; every refusal is logged, counted in ecomonitor.console.logins and recorded in the audit trail. 403 `local-passwords-disabled` when people sign in through the identity provider only (Identity:Oidc:LocalPasswords=false). After repeated failures for one user name or from one address, 429 `too-many-attempts` with Retry-After (docs/security.md \"Sign-in\").");
        group.MapPost("/logout", (Delegate)LogoutAsync).PublicData().WithSummary("Signs out of the staff console.");
        group.MapGet("/me", Me).RequireSignedIn()
            .WithSummary("The signed-in person (or key): name, roles, permissions, jurisdiction and what the session must do first, or 401.");
        return app;
    }

    private static async Task<Results<Ok<ConsoleSessionDto>, InvalidBodyProblem, SignInFailedProblem, SecondFactorRequiredProblem, TooManyAttemptsProblem, LocalPasswordsDisabledProblem>> LoginAsync(
        ConsoleLoginRequest request, HttpContext context, AccountService accounts, ConsoleLoginCounters counters,
        ConsoleSignInThrottle throttle, ISecurityEventSink events, TimeProvider time, ILoggerFactory loggers, IOptions<OidcOptions> oidc)
    {
        ILogger logger = loggers.CreateLogger(typeof(ConsoleLoginEndpoints));
        string? remote = AuditActor.Address(context);
        if (oidc.Value.IsConfigured && !oidc.Value.LocalPasswords)
        {
            // Refused before the password is looked at: nothing is learnt and nothing counts toward a lockout.
            events.Record(new SecurityEvent(SecurityEventKind.SignInFailed, string.IsNullOrWhiteSpace(request.User) ? ExternalSignIn.UnknownSubject : request.User[..Math.Min(request.User.Length, MaxUserLength)],
                remote, time.GetUtcNow().ToInstant(), "password sign-in while local passwords are off (Identity:Oidc:LocalPasswords=false)"));
            return new LocalPasswordsDisabledProblem("This platform signs people in through the identity provider only (统一身份认证登录 on the console's sign-in page, GET /api/v1/console/login/oidc).");
        }

        // The backoff counts a client by its limit key (IPv6 by /64); events and logs name the full address.
        string? client = remote is null ? null : NetworkAddress.LimitKey(context.Connection.RemoteIpAddress);
        string user = request.User ?? string.Empty;
        string password = request.Password ?? string.Empty;
        // No name is no guess at one: refused before the throttle and the security events, which key on the name.
        if (string.IsNullOrWhiteSpace(user))
        {
            return new InvalidBodyProblem("A user name is required.", ApiProblems.Errors("$.user", "A user name is required."));
        }

        if (user.Length > MaxUserLength || password.Length > MaxPasswordLength || request.Code?.Length > MaxCodeLength)
        {
            string reason = $"A user name has at most {MaxUserLength} characters, a password at most {MaxPasswordLength} and a code at most {MaxCodeLength}.";
            string place = user.Length > MaxUserLength ? "$.user" : password.Length > MaxPasswordLength ? "$.password" : "$.code";
            return new InvalidBodyProblem(reason, ApiProblems.Errors(place, reason));
        }

        if (!throttle.Throttle.TryTakeTurn(user, client, out TimeSpan wait))
        {
            int seconds = RetryAfter.Set(context.Response, wait);
            events.Record(new SecurityEvent(SecurityEventKind.SignInThrottled, user, remote, time.GetUtcNow().ToInstant(), $"retry after {seconds} s"));
            return new TooManyAttemptsProblem($"Too many failed sign-ins for this user or from this address; try again in {seconds} s.");
        }

        SignInResult result = await accounts.SignInAsync(user, password, request.Code, context.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.Succeeded:
                UserAccount account = result.Account!;
                IReadOnlyList<string> pending = AccountClaims.PendingOf(account, accounts, time.GetUtcNow().ToInstant(), signIn: null);
                ClaimsPrincipal principal = AccountClaims.Principal(account, pending, Scheme, signIn: null);
                await context.SignInAsync(Scheme, principal);
                throttle.Throttle.Succeeded(user, client);
                counters.Succeeded();
                events.Record(new SecurityEvent(SecurityEventKind.SignInSucceeded, account.UserName, remote, time.GetUtcNow().ToInstant(),
                    result.UsedRecoveryCode ? $"with a recovery code ({account.RecoveryCodeHashes.Count} left)" : null));
                WebLog.ConsoleLoginSucceeded(logger, account.UserName, remote);
                return TypedResults.Ok(ConsoleSessionDto.Of(principal));
            case SignInOutcome.SecondFactorRequired:
                return new SecondFactorRequiredProblem("The password is right; this account signs in with two factors: send `code`, the authenticator's current code or a recovery code.");
            default:
                throttle.Throttle.Failed(user, client);
                counters.Refuse();
                events.Record(new SecurityEvent(SecurityEventKind.SignInFailed, user, remote, time.GetUtcNow().ToInstant(), Reason(result)));
                WebLog.ConsoleLoginRefused(logger, user, remote, counters.Refused);
                return new SignInFailedProblem("The user name, the password or the code is wrong, or the account is locked after repeated failures or disabled. Ask your system administrator if this persists.");
        }
    }

    private static string Reason(SignInResult result) => result.Outcome switch
    {
        SignInOutcome.LockedOut => $"account locked until {(result.LockedUntil is { } until ? ChinaTime.ToOffsetDateTime(until).ToString("yyyy-MM-dd'T'HH:mm:sso<G>", CultureInfo.InvariantCulture) : "?")}",
        SignInOutcome.Disabled => "account disabled",
        _ => "wrong user name, password or code",
    };

    private static async Task<NoContent> LogoutAsync(HttpContext context, ISecurityEventSink events, TimeProvider time)
    {
        AuthenticateResult signedIn = await context.AuthenticateAsync(Scheme);
        await context.SignOutAsync(Scheme);
        if (signedIn.Succeeded && signedIn.Principal.Identity?.Name is { Length: > 0 } name)
        {
            events.Record(new SecurityEvent(SecurityEventKind.SignedOut, name, AuditActor.Address(context), time.GetUtcNow().ToInstant()));
        }

        return TypedResults.NoContent();
    }

    private static Ok<ConsoleSessionDto> Me(ClaimsPrincipal user) => TypedResults.Ok(ConsoleSessionDto.Of(user));
}
