using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Security;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Deletes the ended console sessions (absolute lifetime over, or idle too long) from the store once per
/// <see cref="ConsoleOptions.SessionSweepInterval"/> across the nodes (scheduled job <c>console.sessions</c>; a failed
/// sweep is logged by the scheduler and the next slot sweeps again).
/// </summary>
internal sealed class ConsoleSessionSweepJob(IConsoleSessionStore sessions, IOptions<ConsoleOptions> options, TimeProvider time, ILogger<ConsoleSessionSweepJob> logger)
    : IScheduledJob
{
    public ScheduledJob Schedule { get; } = new("console.sessions", options.Value.SessionSweepInterval);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        int deleted = await sessions.DeleteExpiredSessionsAsync(now, Duration.FromTimeSpan(options.Value.SessionIdleTimeout), cancellationToken);
        if (deleted > 0)
        {
            WebLog.ConsoleSessionsSwept(logger, deleted);
        }
    }
}
