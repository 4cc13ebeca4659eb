using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Security;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against <see cref="SecurityOptions.BootstrapAdminKey"/>
/// in constant time. A request without the header stays anonymous (reads are public); a wrong key fails, is reported
/// as a security event (audit trail, bursts raise an alarm) and counts towards <see cref="ApiKeyThrottle"/>: while an
/// address (or every address at once) is backing off, a key is not even compared and the challenge answers 429 with
/// Retry-After.
/// </summary>
internal sealed class BootstrapKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<SecurityOptions> security,
    ApiKeyThrottle throttle,
    ISecurityEventSink events,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "BootstrapKey";
    private const string BearerPrefix = "Bearer ";
    private const int MaxKeyLength = 512;
    private static readonly object RetryAfterItem = new();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        // An API client's key is ApiClientAuthenticationHandler's: not a wrong emergency key.
        if (string.IsNullOrEmpty(header) || ApiClientAuthenticationHandler.HasClientKey(Request))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("Authorization must be 'Bearer <key>'."));
        }

        string? expected = security.CurrentValue.BootstrapAdminKey;
        if (string.IsNullOrEmpty(expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("No administrator key is configured (Security:BootstrapAdminKey)."));
        }

        string? address = AuditActor.Address(Context);
        string? client = address is null ? null : NetworkAddress.LimitKey(Context.Connection.RemoteIpAddress);
        if (client is not null && !throttle.ByClient.TryTakeTurn(client, out TimeSpan wait))
        {
            Context.Items[RetryAfterItem] = wait;
            events.Record(new SecurityEvent(SecurityEventKind.ApiKeyRejected, ApiKeyThrottle.Subject, address, time.GetUtcNow().ToInstant(), "not checked: backing off"));
            return Task.FromResult(AuthenticateResult.Fail("Too many wrong keys from this address; the key was not checked."));
        }

        string key = header[BearerPrefix.Length..].Trim();
        if (key.Length > MaxKeyLength
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(expected)))
        {
            if (client is not null)
            {
                throttle.ByClient.Failed(client);
            }

            events.Record(new SecurityEvent(SecurityEventKind.ApiKeyRejected, ApiKeyThrottle.Subject, address, time.GetUtcNow().ToInstant(), "wrong key"));
            WebLog.WrongApiKey(Logger, address);
            return Task.FromResult(AuthenticateResult.Fail("The key is not valid."));
        }

        if (client is not null)
        {
            throttle.ByClient.Succeeded(client);
        }

        // Audited on every use (aggregated per minute and address like every security event): who holds it can do anything.
        events.Record(new SecurityEvent(SecurityEventKind.EmergencyKeyUsed, AccountNames.BootstrapKeyName, address, time.GetUtcNow().ToInstant(),
            $"{Request.Method} {Request.Path}"));
        ClaimsIdentity identity = new([new Claim(ClaimTypes.Name, AccountNames.BootstrapKeyName), new Claim(ClaimTypes.Role, Roles.Administrator)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterItem] is not TimeSpan wait)
        {
            await base.HandleChallengeAsync(properties);
            return;
        }

        int seconds = RetryAfter.Set(Response, wait);
        await ApiProblems.WriteAsync(Context, ProblemTypes.TooManyAttempts, $"Too many wrong API keys from this address; try again in {seconds} s.");
    }
}
