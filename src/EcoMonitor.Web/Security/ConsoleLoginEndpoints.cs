using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using EcoMonitor.Application.Security;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Security;

/// <summary>Sign-in and sign-out of the staff console: user name and password from <see cref="ConsoleOptions"/>, then a cookie.</summary>
internal static class ConsoleLoginEndpoints
{
    /// <summary>The cookie authentication scheme of the console.</summary>
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    private const int MaxUserLength = 64;
    private const int MaxPasswordLength = 256;

    public static WebApplication MapConsoleLogin(this WebApplication app)
    {
        // Under the API's rate limit per client too: the guessing backoff tracks a bounded number of names and clients.
        RouteGroupBuilder group = app.MapGroup("/api/v1/console").WithTags("Console").RequireRateLimiting(RateLimitHostingExtensions.ApiPolicy);
        group.MapPost("/login", LoginAsync).PublicData()
            .WithSummary("Signs in to the staff console and sets the session cookie.")
            .WithDescription("Body: {\"user\": \"admin\", \"password\": \"…\"}. 204 with an HttpOnly, SameSite=Strict cookie, or 401 `sign-in-failed` saying the user name or password is wrong (every refusal is logged, counted in ecomonitor.console.logins and recorded in the audit trail). After repeated failures for one user name or from one address, 429 `too-many-attempts` with Retry-After until the next attempt is due (docs/deploy.md §8 \"Sign-in and keys under guessing\").");
        group.MapPost("/logout", (Delegate)LogoutAsync).PublicData().WithSummary("Signs out of the staff console.");
        group.MapGet("/me", Me).RequireSignedIn().WithSummary("The signed-in user, or 401.");
        return app;
    }

    private static async Task<Results<NoContent, InvalidBodyProblem, SignInFailedProblem, TooManyAttemptsProblem>> LoginAsync(
        ConsoleLoginRequest request, HttpContext context, IOptionsMonitor<ConsoleOptions> options, ConsoleLoginCounters counters,
        ConsoleSignInThrottle throttle, ISecurityEventSink events, TimeProvider time, ILoggerFactory loggers)
    {
        ConsoleOptions o = options.CurrentValue;
        ILogger logger = loggers.CreateLogger(typeof(ConsoleLoginEndpoints));
        string? remote = AuditActor.Address(context);
        // The backoff counts a client by its limit key (IPv6 by /64); events and logs name the full address.
        string? client = remote is null ? null : NetworkAddress.LimitKey(context.Connection.RemoteIpAddress);
        string user = request.User ?? string.Empty;
        string password = request.Password ?? string.Empty;
        // No name is no guess at one: refused before the throttle and the security events, which key on the name.
        if (string.IsNullOrWhiteSpace(user))
        {
            return new InvalidBodyProblem("A user name is required.", ApiProblems.Errors("$.user", "A user name is required."));
        }

        if (user.Length > MaxUserLength || password.Length > MaxPasswordLength)
        {
            string reason = $"A user name has at most {MaxUserLength} characters and a password at most {MaxPasswordLength}.";
            return new InvalidBodyProblem(reason, ApiProblems.Errors(user.Length > MaxUserLength ? "$.user" : "$.password", reason));
        }

        if (!throttle.Throttle.TryTakeTurn(user, client, out TimeSpan wait))
        {
            int seconds = RetryAfter.Set(context.Response, wait);
            events.Record(new SecurityEvent(SecurityEventKind.SignInThrottled, user, remote, time.GetUtcNow().ToInstant(), $"retry after {seconds} s"));
            return new TooManyAttemptsProblem($"Too many failed sign-ins for this user or from this address; try again in {seconds} s.");
        }

        bool isKnownUser = string.Equals(user, o.AdminUser, StringComparison.Ordinal);
        bool isRightPassword = !string.IsNullOrEmpty(o.AdminPassword)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(o.AdminPassword));
        if (!isKnownUser || !isRightPassword)
        {
            throttle.Throttle.Failed(user, client);
            counters.Refuse();
            events.Record(new SecurityEvent(SecurityEventKind.SignInFailed, user, remote, time.GetUtcNow().ToInstant(), "wrong user name or password"));
            WebLog.ConsoleLoginRefused(logger, user, remote, counters.Refused);
            return new SignInFailedProblem(string.IsNullOrEmpty(o.AdminPassword) ? "No console password is configured (Console:AdminPassword)." : "The user name or the password is wrong.");
        }

        ClaimsIdentity identity = new([new Claim(ClaimTypes.Name, o.AdminUser), new Claim(ClaimTypes.Role, Roles.Administrator)], Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        throttle.Throttle.Succeeded(user, client);
        counters.Succeeded();
        events.Record(new SecurityEvent(SecurityEventKind.SignInSucceeded, o.AdminUser, remote, time.GetUtcNow().ToInstant()));
        WebLog.ConsoleLoginSucceeded(logger, o.AdminUser, remote);
        return TypedResults.NoContent();
    }

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

    private static Ok<ConsoleUserDto> Me(ClaimsPrincipal user) => TypedResults.Ok(new ConsoleUserDto(user.Identity?.Name ?? ""));
}

/// <summary>A console sign-in.</summary>
/// <param name="User">User name.</param>
/// <param name="Password">Password.</param>
public sealed record ConsoleLoginRequest(string? User, string? Password);

/// <summary>The signed-in console user.</summary>
/// <param name="User">User name.</param>
public sealed record ConsoleUserDto(string User);
