using EcoMonitor.Application.Access;
using EcoMonitor.Domain;

namespace EcoMonitor.Web.Security;

/// <summary>
/// At start, while no system administrator exists, issues the first-run set-up token and prints it in the log with
/// the page that takes it (ADR 0036 §6); a token printed earlier stops working. Runs after <c>PlatformStartup</c>
/// (the store is migrated).
/// </summary>
internal sealed class SetUpTokenNotice(FirstRunSetUp setUp, ILogger<SetUpTokenNotice> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await setUp.IssueIfRequiredAsync(cancellationToken) is { } issued)
        {
            var until = ChinaTime.ToOffsetDateTime(issued.ExpiresAt);
            WebLog.SetUpTokenIssued(logger, issued.Token, until.ToString("uuuu-MM-dd HH:mm o<+HH:mm>", null));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
