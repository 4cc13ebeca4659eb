using EcoMonitor.Application.Access;
using EcoMonitor.Domain;
using Microsoft.Extensions.Hosting;

namespace EcoMonitor.Portal.Tests;

/// <summary>
/// Makes <see cref="PortalServer.ConsoleUser"/> at start through the host's own <see cref="AccountService"/>, as the
/// system administrator (create) and the security administrator (roles, the whole country: the sample network spans four provinces) would, with the person's own password.
/// Registered after the platform's start-up, so the store is migrated.
/// </summary>
internal sealed class ConsoleUserSeed(AccountService accounts) : IHostedService
{
    private const string Administrator = "test.security";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        (_, string temporary) = await accounts.CreateAsync(Administrator, PortalServer.ConsoleUser, "张伟", cancellationToken);
        await accounts.AssignAccessAsync(Administrator, PortalServer.ConsoleUser,
            [Role.DataReviewer, Role.NetworkOperator, Role.Manager, Role.Enforcement], RegionCode.Nation, null, cancellationToken);
        await accounts.ChangePasswordAsync(PortalServer.ConsoleUser, temporary, PortalServer.ConsolePassword, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
