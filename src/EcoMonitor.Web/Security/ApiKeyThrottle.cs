using EcoMonitor.Application.Security;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Guessing protection of API keys: a <see cref="FailureBackoff"/> per client (<see cref="NetworkAddress.LimitKey"/>,
/// <see cref="SecurityOptions.ApiKeyBackoff"/>). Not per key as well: a key names no account, so one backoff of "every
/// key" would let strangers keep the right key out by sending a wrong one now and then. Thread-safe.
/// </summary>
internal sealed class ApiKeyThrottle(IOptions<SecurityOptions> options, TimeProvider time)
{
    /// <summary>The subject of the security events of API keys (a key names no account).</summary>
    public const string Subject = "api-key";

    /// <summary>The backoff per client.</summary>
    public FailureBackoff ByClient { get; } = new(options.Value.ApiKeyBackoff, time);
}
