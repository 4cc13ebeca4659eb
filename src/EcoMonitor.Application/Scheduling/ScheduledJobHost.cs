using Microsoft.Extensions.Hosting;
using NodaTime;

namespace EcoMonitor.Application.Scheduling;

/// <summary>
/// Runs every registered <see cref="IScheduledJob"/> once per slot across the nodes (<see cref="ScheduledRuns"/>): one
/// loop per job, so a long job delays no other; each asks at start (the current slot, if nobody ran it), then at the
/// start of each next slot, or when another node's lease on the current slot ends (to take over a run its dead node left).
/// </summary>
internal sealed class ScheduledJobHost(IEnumerable<IScheduledJob> jobs, ScheduledRuns runs, TimeProvider time) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Select(job => RunJobAsync(job, stoppingToken)));

    private async Task RunJobAsync(IScheduledJob job, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ScheduledRunResult result = await runs.RunIfDueAsync(job.Schedule, job.RunAsync, stoppingToken);
                var wait = (result.NextAttempt - Instant.FromDateTimeOffset(time.GetUtcNow())).ToTimeSpan();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; a run in progress gave its slot back.
        }
    }
}
