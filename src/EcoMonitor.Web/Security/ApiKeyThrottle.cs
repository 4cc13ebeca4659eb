using EcoMonitor.Application.Security;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Guessing protection of API keys: a <see cref="CredentialThrottle"/> whose subject is every key at once (a key names
/// no account) and whose second key is the client address (<see cref="SecurityOptions.ApiKeyBackoff"/>). Thread-safe.
/// </summary>
internal sealed class ApiKeyThrottle(IOptions<SecurityOptions> options, TimeProvider time)
{
    /// <summary>The subject under which all API key attempts are counted.</summary>
    public const string Subject = "api-key";

    /// <summary>The throttle.</summary>
    public CredentialThrottle Throttle { get; } = new(options.Value.ApiKeyBackoff, time);
}
