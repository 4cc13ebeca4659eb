using EcoMonitor.Application.Access;
using EcoMonitor.Application.Security;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Security.External;

/// <summary>
/// The console's sign-in through the identity provider (统一身份认证, docs/security.md "External identity (OIDC)"):
/// the challenge that sends the browser to the provider and the second step that takes the authenticator's code. The
/// provider's answer itself comes to <see cref="ExternalSignIn.CallbackPath"/>, handled by the OpenID Connect handler
/// and <see cref="ExternalSignIn"/>. Both endpoints are public (nobody is signed in yet) and rate-limited per client;
/// the code step is also under the sign-in back-off per account and address, and its failures count toward the lockout.
/// </summary>
internal static class ExternalSignInEndpoints
{
    private const int MaxCodeLength = 64;

    public static WebApplication MapExternalSignIn(this WebApplication app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/v1/console/login/oidc").WithTags("Console").RequireRateLimiting(RateLimitHostingExtensions.ApiPolicy);
        group.MapGet("/", ChallengeAsync).PublicData()
            .WithSummary("Starts a sign-in through the configured identity provider (统一身份认证): redirects the browser there.")
            .WithDescription("Query: `returnUrl`, a path of this site to open after sign-in (anything else leads to /console/). 302 to the provider's authorization endpoint (authorization code with PKCE); the provider sends the browser back to /api/v1/console/login/oidc/callback, which answers a page that continues into the console — or, for an account with an authenticator while Identity:Oidc:TrustProviderMfa is false, to the sign-in page's code step — or refuses (403 `external-sign-in-refused`: no account is linked to the identity, the account is disabled or locked, the answer could not be checked). 404 `not-found` when no provider is configured; 503 `identity-provider-unavailable` when it cannot be reached.");
        group.MapPost("/code", SecondStepAsync).PublicData()
            .WithSummary("The second step of a provider's sign-in: the authenticator's code, then the console session.")
            .WithDescription("Body: {\"code\": \"123456\"} — the authenticator's current code or a recovery code, within 5 minutes of the provider's answer (the step's HttpOnly cookie says for which account). 200 with the session (as GET /me) and the session cookie. 401 `sign-in-failed` for a wrong code (counted toward the lockout) or a missing, expired or forged step; 429 `too-many-attempts` after repeated failures.");
        return app;
    }

    private static async Task<Results<EmptyHttpResult, NoIdentityProviderProblem, IdentityProviderUnavailableProblem>> ChallengeAsync(
        string? returnUrl, HttpContext context, IOptions<OidcOptions> options, ILoggerFactory loggers)
    {
        if (!options.Value.IsConfigured)
        {
            return new NoIdentityProviderProblem("No identity provider is configured on this platform (Identity:Oidc:Authority): sign in with your user name and password.");
        }

        AuthenticationProperties properties = new() { RedirectUri = ReturnUrls.ConsoleStart };
        properties.Items[ExternalSignIn.ReturnUrlItem] = ReturnUrls.SameSitePath(returnUrl);
        try
        {
            await context.ChallengeAsync(ExternalSignIn.Scheme, properties);
            return TypedResults.Empty;
        }
        catch (InvalidOperationException e) when (e.InnerException is IOException or HttpRequestException)
        {
            // The handler reads the provider's discovery document on the first challenge (and when it is due again).
            WebLog.IdentityProviderUnreachable(loggers.CreateLogger(typeof(ExternalSignInEndpoints)), options.Value.Authority, e);
            return new IdentityProviderUnavailableProblem("The identity provider cannot be reached just now; try again later.");
        }
    }

    private static async Task<Results<Ok<ConsoleSessionDto>, InvalidBodyProblem, SignInFailedProblem, TooManyAttemptsProblem>> SecondStepAsync(
        SecondStepInput input, HttpContext context, AccountService accounts, SecondStepTicket steps, ExternalSignIn signIn,
        ConsoleSignInThrottle throttle, ConsoleLoginCounters counters, ISecurityEventSink events, TimeProvider time)
    {
        string code = input.Code?.Trim() ?? "";
        if (code.Length is 0 or > MaxCodeLength)
        {
            string reason = $"The authenticator's code (at most {MaxCodeLength} characters) is required.";
            return new InvalidBodyProblem(reason, ApiProblems.Errors("$.code", reason));
        }

        string? remote = AuditActor.Address(context);
        string? client = remote is null ? null : NetworkAddress.LimitKey(context.Connection.RemoteIpAddress);
        if (steps.Read(context) is not var (accountId, _))
        {
            counters.Refuse();
            events.Record(new SecurityEvent(SecurityEventKind.SignInFailed, ExternalSignIn.UnknownSubject, remote, time.GetUtcNow().ToInstant(), "oidc: code without a valid second-step ticket"));
            return new SignInFailedProblem("No sign-in through the identity provider is waiting for a code here (it takes at most 5 minutes): start the sign-in again.");
        }

        string key = "#" + accountId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!throttle.Throttle.TryTakeTurn(key, client, out TimeSpan wait))
        {
            int seconds = RetryAfter.Set(context.Response, wait);
            events.Record(new SecurityEvent(SecurityEventKind.SignInThrottled, key, remote, time.GetUtcNow().ToInstant(), $"oidc code step; retry after {seconds} s"));
            return new TooManyAttemptsProblem($"Too many wrong codes for this account or from this address; try again in {seconds} s.");
        }

        SignInResult result = await accounts.SecondFactorAsync(accountId, code, context.RequestAborted);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            throttle.Throttle.Failed(key, client);
            counters.Refuse();
            events.Record(new SecurityEvent(SecurityEventKind.SignInFailed, key, remote, time.GetUtcNow().ToInstant(), $"oidc code step: {result.Outcome}"));
            return new SignInFailedProblem("The code is wrong, or the account is locked after repeated failures or disabled.");
        }

        throttle.Throttle.Succeeded(key, client);
        SecondStepTicket.Clear(context);
        UserAccount account = result.Account!;
        var principal = await signIn.StartSessionAsync(context, account, AccountClaims.ViaProvider,
            result.UsedRecoveryCode ? $"oidc, then a recovery code ({account.RecoveryCodeHashes.Count} left)" : "oidc, then the authenticator's code");
        return TypedResults.Ok(ConsoleSessionDto.Of(principal));
    }
}
