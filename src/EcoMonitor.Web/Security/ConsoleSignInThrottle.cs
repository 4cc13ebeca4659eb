using EcoMonitor.Application.Security;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Security;

/// <summary>The console's guessing protection: a <see cref="CredentialThrottle"/> over user names and client addresses (<see cref="ConsoleOptions.SignInBackoff"/>). Thread-safe.</summary>
internal sealed class ConsoleSignInThrottle(IOptions<ConsoleOptions> options, TimeProvider time)
{
    /// <summary>The throttle.</summary>
    public CredentialThrottle Throttle { get; } = new(options.Value.SignInBackoff, time);
}
