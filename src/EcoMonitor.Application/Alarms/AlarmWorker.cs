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
/// Review decisions wait in the store until a pass re-evaluates them (docs/adr/0025): at start (what a crash or stop left),
/// when this node stores one (<see cref="AlarmBacklog.ReviewsPending"/>) and at every periodic check (another node's or
/// the CLI's decisions, and retries), each pass under the same lock.
/// </summary>
internal sealed class AlarmWorker(
    AlarmRuleSet rules, AlarmEngine engine, AlarmBacklog backlog, SecurityBursts bursts, IClusterLock clusterLock, IOptions<AlarmOptions> options,
    TimeProvider timeProvider, ILogger<AlarmWorker> logger)
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

        // Decisions left queued by a crash or a stop before their pass, or stored by another node or the CLI.
        backlog.SignalReviews();
        while (!stoppingToken.IsCancellationRequested)
        {
            take ??= backlog.TakeAllAsync(stoppingToken);
            TimeSpan wait = nextCheck - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero && !take.IsCompleted && !backlog.ReviewsPending.IsCompleted && !bursts.Pending.IsCompleted)
            {
                try
                {
                    await Task.WhenAny(take, backlog.ReviewsPending, bursts.Pending).WaitAsync(wait, timeProvider, stoppingToken);
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
                await RunAsync(
                    () => engine.ProcessAsync(items, stoppingToken),
                    exception =>
                    {
                        ApplicationLog.AlarmEvaluationFailed(logger, exception, items.Count);
                        backlog.Enqueue(items);
                    },
                    () => backlog.Enqueue(items),
                    stoppingToken);
            }

            if (backlog.TakeReviewSignal())
            {
                await RunReviewsAsync(stoppingToken);
            }

            if (bursts.Pending.IsCompleted)
            {
                IReadOnlyList<Security.SecurityBurst> taken = bursts.TakeAll();
                await RunAsync(
                    () => engine.ProcessSecurityBurstsAsync(taken, stoppingToken),
                    exception =>
                    {
                        ApplicationLog.AlarmEvaluationFailed(logger, exception, taken.Count);
                        bursts.Requeue(taken);
                    },
                    () => bursts.Requeue(taken),
                    stoppingToken);
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
                    exception => ApplicationLog.AlarmCheckFailed(logger, exception),
                    null,
                    stoppingToken);

                // Also retries decisions a failed or contended pass left queued.
                await RunReviewsAsync(stoppingToken);
            }
        }
    }

    /// <summary>Re-evaluates the review decisions pending in the store; what is left stays there for the next pass.</summary>
    private Task RunReviewsAsync(CancellationToken stoppingToken) =>
        RunAsync(
            () => engine.ProcessReviewsAsync(stoppingToken),
            exception => ApplicationLog.AlarmReviewsFailed(logger, exception),
            null,
            stoppingToken);

    private async Task RunAsync(Func<Task> work, Action<Exception> failed, Action? requeueOnStop, CancellationToken stoppingToken)
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
            requeueOnStop?.Invoke();
        }
        catch (Exception exception)
        {
            // Not swallowed: logged once, and the work is tried again after a pause.
            failed(exception);
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
