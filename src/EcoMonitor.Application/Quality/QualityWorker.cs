using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// The quality stage of ingestion: after observations are durable (and acknowledged), rechecks the station-days they
/// touched with the automatic rules and stores the findings with the values (<see cref="IQualityStore"/>). The window
/// starts one period before the day so that the previous day's last value is rechecked against its new neighbour.
/// Ingest never waits for it. A failure is logged once and the windows are retried after <see cref="RetryDelay"/>.
/// Several nodes sharing one database each check the station-days their own commits touched; a chunk (read the values,
/// replace the findings, score the falsification signs of outlet-days: <see cref="SuspicionService"/>) runs under the cluster lock <see cref="LockName"/>, so that two nodes never check one
/// station-day at once and the last check of it read every committed value (docs/adr/0012).
/// </summary>
internal sealed class QualityWorker(
    QualityBacklog backlog,
    StationValidity validity,
    IQualityStore store,
    SuspicionService suspicion,
    IClusterLock clusterLock,
    TimeProvider timeProvider,
    ILogger<QualityWorker> logger) : BackgroundService
{
    /// <summary>Station-days whose findings are written in one transaction.</summary>
    public const int ChunkSize = 200;

    /// <summary>The cluster lock held while a chunk is checked and its findings stored.</summary>
    public const string LockName = "quality.check";

    /// <summary>Wait before retrying after a failure.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyCollection<QualityWindow> taken;
            try
            {
                taken = await backlog.TakeAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (!await CheckAllAsync(taken, stoppingToken))
            {
                backlog.Enqueue(taken);
                try
                {
                    await Task.Delay(RetryDelay, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Checks every window and stores its findings; false when one failed (the caller requeues all: rechecking is idempotent).</summary>
    internal async Task<bool> CheckAllAsync(IReadOnlyCollection<QualityWindow> windows, CancellationToken cancellationToken)
    {
        int findings = 0;
        try
        {
            // One transaction per chunk: a write costs an fsync, a check only reads.
            foreach (QualityWindow[] chunk in windows.OrderBy(w => w.Day).ThenBy(w => w.Station.Value, StringComparer.Ordinal).Chunk(ChunkSize))
            {
                await using IAsyncDisposable held = await clusterLock.AcquireAsync(LockName, cancellationToken);
                var replacements = new List<FindingsReplacement>(chunk.Length);
                foreach (QualityWindow window in chunk)
                {
                    Instant from = window.Interval == ObservationInterval.Hour ? window.Start - Duration.FromHours(1) : window.Start;
                    ValidityResult result = await validity.CheckAsync(window.Station, window.Interval, from, window.End, [], isForEvaluation: false, cancellationToken);
                    replacements.Add(new FindingsReplacement(window.Station, window.Interval, new Interval(from, window.End), result.Findings));
                    findings += result.Findings.Count;
                }

                await store.ReplaceFindingsAsync(replacements, cancellationToken);
                await suspicion.ScoreAndSaveAsync(chunk.Select(w => (w.Station, w.Day)), cancellationToken);
            }

            ApplicationLog.QualityChecked(logger, windows.Count, findings, backlog.PendingCount);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception)
        {
            // Not swallowed: logged once and retried; the windows stay queued.
            ApplicationLog.QualityCheckFailed(logger, exception, windows.Count);
            return false;
        }
    }
}
