using System.Security.Claims;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Security;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Security.External;

/// <summary>
/// What happens when the identity provider answers (ADR 0036 §7: the provider proves who, we decide what). The person's
/// (issuer, subject) is looked up among the accounts; a linked, enabled account gets the console session a password
/// sign-in gets — claims from the account, never from the provider — after its authenticator's code when it has one and
/// the provider is not trusted for the second factor. An unknown identity, a disabled or locked account and an answer
/// that cannot be checked are refused with a readable page (or problem) and a security event; no account is ever made
/// from a provider's answer. Thread-safe.
/// </summary>
internal sealed class ExternalSignIn(
    AccountService accounts, ISecurityEventSink events, ConsoleLoginCounters counters, SecondStepTicket steps,
    IOptions<OidcOptions> options, IOptions<ConsoleOptions> console, IHostEnvironment environment, TimeProvider time, ILoggerFactory loggers)
{
    /// <summary>The authentication scheme of the provider (registered only when configured).</summary>
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>Where the provider sends the browser back (register it at the provider as the redirect URI).</summary>
    public const string CallbackPath = "/api/v1/console/login/oidc/callback";

    /// <summary>The item of the challenge's properties holding where to go after sign-in.</summary>
    public const string ReturnUrlItem = "returnUrl";

    /// <summary>The subject of security events about an answer that named nobody.</summary>
    public const string UnknownSubject = "oidc";

    private readonly ILogger _logger = loggers.CreateLogger<ExternalSignIn>();

    /// <summary>Whether cookies must be Secure (as the console's session cookie).</summary>
    public bool SecureCookies => !environment.IsDevelopment() && !console.Value.AllowInsecureCookie;

    /// <summary>The handler's <c>OnTicketReceived</c>: the provider's checked answer.</summary>
    public static Task TicketReceivedAsync(TicketReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HandleResponse();
        return context.HttpContext.RequestServices.GetRequiredService<ExternalSignIn>().AcceptAsync(context);
    }

    /// <summary>The handler's <c>OnRemoteFailure</c>: an answer that could not be checked (state, correlation, nonce, code) or the provider's refusal.</summary>
    public static Task RemoteFailureAsync(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HandleResponse();
        return context.HttpContext.RequestServices.GetRequiredService<ExternalSignIn>().RefuseAsync(context.HttpContext, UnknownSubject,
            $"oidc: answer not accepted ({context.Failure?.Message ?? "no reason"})",
            "The identity provider's answer could not be checked (it is too old, was altered or was meant for another sign-in). Start the sign-in again.");
    }

    /// <summary>Starts <paramref name="account"/>'s console session (cookie, session store, security event) and returns it.</summary>
    public async Task<ClaimsPrincipal> StartSessionAsync(HttpContext context, UserAccount account, string signIn, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(account);
        IReadOnlyList<string> pending = AccountClaims.PendingOf(account, accounts, time.GetUtcNow().ToInstant(), signIn);
        ClaimsPrincipal principal = AccountClaims.Principal(account, pending, ConsoleLoginEndpoints.Scheme, signIn);
        await context.SignInAsync(ConsoleLoginEndpoints.Scheme, principal);
        string? remote = AuditActor.Address(context);
        counters.Succeeded();
        events.Record(new SecurityEvent(SecurityEventKind.SignInSucceeded, account.UserName, remote, time.GetUtcNow().ToInstant(), detail));
        WebLog.ConsoleLoginSucceeded(_logger, account.UserName, remote);
        return principal;
    }

    /// <summary>Records a refused sign-in and answers it: a page for a browser, else the problem <see cref="ProblemTypes.ExternalSignInRefused"/>.</summary>
    public async Task RefuseAsync(HttpContext context, string subject, string reason, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? remote = AuditActor.Address(context);
        counters.Refuse();
        events.Record(new SecurityEvent(SecurityEventKind.SignInFailed, subject, remote, time.GetUtcNow().ToInstant(), reason));
        WebLog.ExternalSignInRefused(_logger, subject, remote, reason);
        SecondStepTicket.Clear(context);
        if (context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true))
        {
            await ExternalSignInPage.RefuseAsync(context.Response, ProblemTypes.ExternalSignInRefused.Status, ProblemTypes.ExternalSignInRefused.Title, detail);
            return;
        }

        await new ExternalSignInRefusedProblem(detail).ExecuteAsync(context);
    }

    private async Task AcceptAsync(TicketReceivedContext context)
    {
        HttpContext http = context.HttpContext;
        OidcOptions settings = options.Value;
        Claim? subjectClaim = context.Principal?.FindFirst(settings.SubjectClaim);
        if (subjectClaim is null || ExternalIdentity.Problem(subjectClaim.Issuer, subjectClaim.Value) is { } problem)
        {
            await RefuseAsync(http, UnknownSubject, $"oidc: the ID token has no usable '{settings.SubjectClaim}' claim",
                $"The identity provider did not name you in a way this platform reads (claim '{settings.SubjectClaim}'). Tell the platform's administrators.");
            return;
        }

        var identity = ExternalIdentity.Of(subjectClaim.Issuer, subjectClaim.Value);
        SignInResult result = await accounts.SignInExternalAsync(identity, http.RequestAborted);
        string returnUrl = ReturnUrls.SameSitePath(context.Properties?.Items.TryGetValue(ReturnUrlItem, out string? item) == true ? item : null);
        switch (result.Outcome)
        {
            case SignInOutcome.Succeeded when !settings.TrustProviderMfa && result.Account!.TotpSecret is not null:
                steps.Issue(http, result.Account.Id, returnUrl, SecureCookies);
                await ExternalSignInPage.ContinueAsync(http.Response, "/console/login.html?step=code&returnUrl=" + Uri.EscapeDataString(returnUrl));
                return;
            case SignInOutcome.Succeeded:
                string signIn = settings.TrustProviderMfa ? AccountClaims.ViaProviderWithMfa : AccountClaims.ViaProvider;
                ClaimsPrincipal principal = await StartSessionAsync(http, result.Account!, signIn, "oidc " + identity.Key);
                await ExternalSignInPage.ContinueAsync(http.Response, AccountClaims.PendingOf(principal).Count > 0 ? "/console/account.html" : returnUrl);
                return;
            case SignInOutcome.Disabled:
                await RefuseAsync(http, result.Account!.UserName, "oidc: account disabled",
                    "The account linked to your identity is disabled. Ask your system administrator.");
                return;
            case SignInOutcome.LockedOut:
                await RefuseAsync(http, result.Account!.UserName, "oidc: account locked after repeated failures",
                    "The account linked to your identity is locked after repeated failures; try again later or ask your system administrator.");
                return;
            default:
                await RefuseAsync(http, identity.Key, "oidc: no account is linked to this identity",
                    $"You signed in at the identity provider as '{identity.Subject}', but no EcoMonitor account is linked to that identity. Ask the security administrator (安全管理员) to link your account.");
                return;
        }
    }
}
