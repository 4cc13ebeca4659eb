using EcoMonitor.Web.Security;
using EcoMonitor.Web.Security.DataProtection;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Logs at start the hardening settings that leave a production host weaker than it should be (docs/deploy.md
/// "Hardening"), the emergency key when it is on, and the retired console password when it is still configured.
/// </summary>
internal sealed class HardeningStartupWarnings(
    IHostEnvironment environment, IConfiguration configuration, IOptions<ConsoleOptions> console, IOptions<SecurityOptions> security,
    IOptions<DataProtectionSettings> protection, ILogger<HardeningStartupWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && console.Value.AllowInsecureCookie)
        {
            WebLog.InsecureConsoleCookie(logger, environment.EnvironmentName);
        }

        if (!environment.IsDevelopment() && !protection.Value.EncryptsKeys)
        {
            WebLog.DataProtectionKeysUnencrypted(logger, environment.EnvironmentName);
        }

        if (!string.IsNullOrEmpty(security.Value.BootstrapAdminKey))
        {
            WebLog.BootstrapKeyConfigured(logger);
        }

        if (!string.IsNullOrEmpty(configuration["Console:AdminPassword"]))
        {
            WebLog.ConsoleAdminPasswordIgnored(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
