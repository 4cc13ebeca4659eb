using System.Text.Encodings.Web;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Security;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer ecm_…</c>, an API client's key (ADR 0036 §8), through
/// <see cref="ApiClientService.AuthenticateAsync"/>: the client found by the key's id, the SHA-256 of its secret compared
/// in constant time, refused when revoked or expired. Every refusal reads the same (401, nothing says whether the id
/// exists), is reported as a security event and counts towards <see cref="ApiKeyThrottle"/> like a wrong emergency key:
/// while an address is backing off, a key is not even looked up and the challenge answers 429 with Retry-After. A
/// request without such a header is left to the other schemes (<see cref="BearerSchemes"/>). The principal is
/// <see cref="ApiClientClaims.Principal"/>: never a console session.
/// </summary>
internal sealed class ApiClientAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiClientService clients,
    ApiKeyThrottle throttle,
    ISecurityEventSink events,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiClient";
    private const string BearerPrefix = "Bearer ";
    private static readonly object RetryAfterItem = new();

    /// <summary>True when <paramref name="request"/> carries <c>Authorization: Bearer ecm_…</c> (this scheme's, not the emergency key's).</summary>
    public static bool HasClientKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? header = request.Headers.Authorization;
        return header is not null
            && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && header.AsSpan(BearerPrefix.Length).TrimStart().StartsWith(ApiClientKeys.Prefix, StringComparison.Ordinal);
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasClientKey(Request))
        {
            return AuthenticateResult.NoResult();
        }

        string? address = AuditActor.Address(Context);
        string? limitKey = address is null ? null : NetworkAddress.LimitKey(Context.Connection.RemoteIpAddress);
        if (limitKey is not null && !throttle.ByClient.TryTakeTurn(limitKey, out TimeSpan wait))
        {
            Context.Items[RetryAfterItem] = wait;
            events.Record(new SecurityEvent(SecurityEventKind.ApiKeyRejected, ApiKeyThrottle.Subject, address, time.GetUtcNow().ToInstant(), "client key not checked: backing off"));
            return AuthenticateResult.Fail("Too many wrong API keys from this address; the key was not checked.");
        }

        string key = Request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim();
        ApiClient? client = await clients.AuthenticateAsync(key, Context.RequestAborted);
        if (client is null)
        {
            if (limitKey is not null)
            {
                throttle.ByClient.Failed(limitKey);
            }

            // The id in the detail (only when it has the shape of one) tells the security administrator whose key is being tried.
            string detail = ApiClientKeys.TryParse(key, out string id, out _) ? $"client key refused (id {id})" : "client key refused (malformed)";
            events.Record(new SecurityEvent(SecurityEventKind.ApiKeyRejected, ApiKeyThrottle.Subject, address, time.GetUtcNow().ToInstant(), detail));
            WebLog.WrongClientKey(Logger, address);
            return AuthenticateResult.Fail("The key is not valid.");
        }

        if (limitKey is not null)
        {
            throttle.ByClient.Succeeded(limitKey);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ApiClientClaims.Principal(client, SchemeName), SchemeName));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A policy challenges every scheme it names: another may have answered already.
        if (Response.HasStarted)
        {
            return;
        }

        if (Context.Items[RetryAfterItem] is not TimeSpan wait)
        {
            await base.HandleChallengeAsync(properties);
            return;
        }

        int seconds = RetryAfter.Set(Response, wait);
        await ApiProblems.WriteAsync(Context, ProblemTypes.TooManyAttempts, $"Too many wrong API keys from this address; try again in {seconds} s.");
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (!Response.HasStarted)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Task.CompletedTask;
    }
}
