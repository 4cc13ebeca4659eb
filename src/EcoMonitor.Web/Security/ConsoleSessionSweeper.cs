using EcoMonitor.Application.Security;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Deletes the ended console sessions (absolute lifetime over, or idle too long) from the store every
/// <see cref="ConsoleOptions.SessionSweepInterval"/>. Every node sweeps; deletions by several nodes at once are harmless.
/// A failed sweep is logged and tried again at the next interval.
/// </summary>
internal sealed class ConsoleSessionSweeper(IConsoleSessionStore sessions, IOptionsMonitor<ConsoleOptions> options, TimeProvider time, ILogger<ConsoleSessionSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.SessionSweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = Instant.FromDateTimeOffset(time.GetUtcNow());
                int deleted = await sessions.DeleteExpiredSessionsAsync(now, Duration.FromTimeSpan(options.CurrentValue.SessionIdleTimeout), stoppingToken);
                if (deleted > 0)
                {
                    WebLog.ConsoleSessionsSwept(logger, deleted);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                WebLog.ConsoleSessionSweepFailed(logger, exception);
            }
        }
    }
}
