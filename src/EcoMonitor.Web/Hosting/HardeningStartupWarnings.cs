using EcoMonitor.Web.Security;
using EcoMonitor.Web.Security.DataProtection;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Hosting;

/// <summary>Logs at start the hardening settings that leave a production host weaker than it should be (docs/deploy.md "Hardening").</summary>
internal sealed class HardeningStartupWarnings(
    IHostEnvironment environment, IOptions<ConsoleOptions> console, IOptions<DataProtectionSettings> protection, ILogger<HardeningStartupWarnings> logger) : IHostedService
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

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
