using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Runs the alarm engine: loads rules and active alarms at start, then evaluates queued series values as they arrive
/// and, every <see cref="AlarmOptions.CheckInterval"/>, the timer rules and deadlines. One loop, so the engine is
/// never called concurrently. A failure is logged once; the items go back to the queue and are retried.
/// Several nodes sharing one database: each node evaluates the values its own commits queued, and every pass runs under
/// the cluster lock <see cref="LockName"/>, so that passes of different nodes never interleave (one writer decides
/// whether an alarm is raised, cleared or escalated). The periodic check first reloads the active alarms from the
/// store, so that an alarm raised or closed by another node is seen within one <see cref="AlarmOptions.CheckInterval"/>
/// (docs/adr/0012). On the embedded store (one node) the lock is in-process and the reload finds what is already known.
/// </summary>
internal sealed class AlarmWorker(
    AlarmRuleSet rules, AlarmEngine engine, AlarmBacklog backlog, IClusterLock clusterLock, IOptions<AlarmOptions> options, TimeProvider timeProvider,
    ILogger<AlarmWorker> logger)
    : BackgroundService
{
    /// <summary>The cluster lock held while the engine evaluates values or runs its periodic check.</summary>
    public const string LockName = "alarms.engine";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await rules.LoadAsync(cancellationToken);
        await engine.LoadActiveAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimeSpan interval = options.Value.CheckInterval;
        DateTimeOffset nextCheck = timeProvider.GetUtcNow() + interval;
        Task<IReadOnlyList<AlarmWorkItem>>? take = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            take ??= backlog.TakeAllAsync(stoppingToken);
            TimeSpan wait = nextCheck - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await take.WaitAsync(wait, timeProvider, stoppingToken);
                }
                catch (TimeoutException)
                {
                    // Time for the periodic check.
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }

            if (take.IsCompletedSuccessfully)
            {
                IReadOnlyList<AlarmWorkItem> items = take.Result;
                take = null;
                await RunAsync(() => engine.ProcessAsync(items, stoppingToken), () => backlog.Enqueue(items), items.Count, stoppingToken);
            }

            if (timeProvider.GetUtcNow() >= nextCheck)
            {
                nextCheck = timeProvider.GetUtcNow() + interval;
                await RunAsync(
                    async () =>
                    {
                        await engine.LoadActiveAsync(stoppingToken);
                        await engine.CheckAsync(stoppingToken);
                    },
                    null,
                    0,
                    stoppingToken);
            }
        }
    }

    private async Task RunAsync(Func<Task> work, Action? requeue, int items, CancellationToken stoppingToken)
    {
        try
        {
            await using (await clusterLock.AcquireAsync(LockName, stoppingToken))
            {
                await work();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            requeue?.Invoke();
        }
        catch (Exception exception)
        {
            // Not swallowed: logged once, and the items are evaluated again after a pause.
            if (requeue is null)
            {
                ApplicationLog.AlarmCheckFailed(logger, exception);
            }
            else
            {
                ApplicationLog.AlarmEvaluationFailed(logger, exception, items);
                requeue();
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping.
            }
        }
    }
}
