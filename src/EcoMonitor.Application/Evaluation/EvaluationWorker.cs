using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Recomputes the evaluations of dirty station-days in the background, in chunks of <see cref="ChunkSize"/>, and
/// invalidates the period statistics cache after each chunk. Ingest never waits for it. A failed recomputation is
/// logged once, its station-days go back to the backlog and are retried after <see cref="RetryDelay"/>.
/// Several nodes sharing one database each recompute the station-days their own commits touched; a chunk runs under
/// the cluster lock <see cref="LockName"/>, so that two nodes never recompute the same city-day at once and the last
/// recomputation of a city-day reads every station's committed data (docs/adr/0012).
/// </summary>
internal sealed class EvaluationWorker(
    EvaluationBacklog backlog,
    AirEvaluator evaluator,
    WaterEvaluator waterEvaluator,
    AirStatisticsService statistics,
    IClusterLock clusterLock,
    TimeProvider timeProvider,
    ILogger<EvaluationWorker> logger) : BackgroundService
{
    /// <summary>Station-days recomputed before the cache is invalidated and the next chunk is taken.</summary>
    public const int ChunkSize = 500;

    /// <summary>Wait before retrying after a failure (e.g. the store was busy).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>The cluster lock held while a chunk is recomputed.</summary>
    public const string LockName = "evaluation.recompute";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyCollection<StationDay> taken;
            try
            {
                taken = await backlog.TakeAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            foreach (StationDay[] chunk in taken.OrderBy(d => d.Day).ThenBy(d => d.Station.Value, StringComparer.Ordinal).Chunk(ChunkSize))
            {
                if (!await RecomputeAsync(chunk, stoppingToken))
                {
                    // Recomputation is idempotent: requeueing the chunks already done only repeats them.
                    backlog.Enqueue(taken);
                    await DelayRetryAsync(stoppingToken);
                    break;
                }
            }
        }
    }

    private async Task DelayRetryAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryDelay, timeProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the loop ends on its next check.
        }
    }

    private async Task<bool> RecomputeAsync(StationDay[] chunk, CancellationToken stoppingToken)
    {
        try
        {
            int cityDays;
            await using (await clusterLock.AcquireAsync(LockName, stoppingToken))
            {
                cityDays = await evaluator.RecomputeAsync(chunk, stoppingToken);
                await waterEvaluator.RecomputeAsync(chunk, stoppingToken);
            }

            statistics.Invalidate();
            ApplicationLog.EvaluationRecomputed(logger, chunk.Length, cityDays, backlog.PendingCount);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception)
        {
            // Not swallowed: logged once and retried; the station-days stay queued.
            ApplicationLog.EvaluationFailed(logger, exception, chunk.Length);
            return false;
        }
    }
}
