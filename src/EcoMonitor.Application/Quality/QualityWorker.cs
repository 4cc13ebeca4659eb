using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// The quality stage of ingestion: after observations are durable (and acknowledged), rechecks the station-days they
/// touched with the automatic rules and stores the findings with the values (<see cref="IQualityStore"/>). The window
/// starts one period before the day so that the previous day's last value is rechecked against its new neighbour.
/// Ingest never waits for it. The work is durable and poison-proof (<see cref="WorkRunner{TItem}"/>, docs/adr/0027):
/// it comes from this node's commits and from the store (at start, and what other nodes left), a station-day that fails
/// on its own is set aside after repeated attempts while the rest goes on, and a failure of the store is retried with
/// a back-off. Several nodes sharing one database each check the station-days their own commits touched; a chunk (read
/// the values, replace the findings, score the falsification signs of outlet-days: <see cref="SuspicionService"/>) runs
/// under the cluster lock <see cref="LockName"/>, so that two nodes never check one station-day at once and the last
/// check of it read every committed value (docs/adr/0012).
/// </summary>
internal sealed class QualityWorker : BackgroundService, IWorkConsumer<QualityWindow>
{
    /// <summary>Station-days whose findings are written in one transaction.</summary>
    public const int ChunkSize = 200;

    /// <summary>The cluster lock held while a chunk is checked and its findings stored.</summary>
    public const string LockName = "quality.check";

    private readonly QualityBacklog _backlog;
    private readonly StationValidity _validity;
    private readonly IQualityStore _store;
    private readonly SuspicionService _suspicion;
    private readonly IClusterLock _clusterLock;
    private readonly ILogger<QualityWorker> _logger;
    private readonly WorkRunner<QualityWindow> _runner;

    public QualityWorker(
        QualityBacklog backlog, StationValidity validity, IQualityStore store, SuspicionService suspicion, IPendingWorkStore work, IClusterLock clusterLock,
        IOptions<WorkOptions> options, WorkCounters counters, ScheduledRuns runs, IStoreHealth health, StartupWork startup, TimeProvider timeProvider, ILogger<QualityWorker> logger)
    {
        _backlog = backlog;
        _validity = validity;
        _store = store;
        _suspicion = suspicion;
        _clusterLock = clusterLock;
        _logger = logger;
        _runner = new WorkRunner<QualityWindow>(this, backlog.Queue, work, options.Value, counters, runs, health, startup, timeProvider, logger);
    }

    WorkKind IWorkConsumer<QualityWindow>.Kind => WorkKind.Quality;

    bool IWorkConsumer<QualityWindow>.CoversWholeDay => true;

    int IWorkConsumer<QualityWindow>.ChunkSize => ChunkSize;

    WorkDay IWorkConsumer<QualityWindow>.DayOf(QualityWindow item) => new(item.Station, item.Interval, item.Day);

    /// <summary>Every changed station-day is rechecked whole: the window is the day itself.</summary>
    Task<IReadOnlyList<QualityWindow>> IWorkConsumer<QualityWindow>.RecoverAsync(WorkDay day, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QualityWindow>>([new QualityWindow(day.Station, day.Interval, day.Day)]);

    /// <summary>Checks the windows and stores their findings in one transaction, under the cluster lock.</summary>
    async Task IWorkConsumer<QualityWindow>.ProcessAsync(IReadOnlyList<QualityWindow> items, CancellationToken cancellationToken)
    {
        QualityWindow[] chunk = [.. items.OrderBy(w => w.Day).ThenBy(w => w.Station.Value, StringComparer.Ordinal)];
        int findings = 0;
        await using (await _clusterLock.AcquireAsync(LockName, cancellationToken))
        {
            var replacements = new List<FindingsReplacement>(chunk.Length);
            foreach (QualityWindow window in chunk)
            {
                Instant from = window.Interval == ObservationInterval.Hour ? window.Start - Duration.FromHours(1) : window.Start;
                ValidityResult result = await _validity.CheckAsync(window.Station, window.Interval, from, window.End, [], isForEvaluation: false, cancellationToken);
                replacements.Add(new FindingsReplacement(window.Station, window.Interval, new Interval(from, window.End), result.Findings));
                findings += result.Findings.Count;
            }

            await _store.ReplaceFindingsAsync(replacements, cancellationToken);
            await _suspicion.ScoreAndSaveAsync(chunk.Select(w => (w.Station, w.Day)), cancellationToken);
        }

        ApplicationLog.QualityChecked(_logger, chunk.Length, findings, _backlog.PendingCount);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _runner.RunAsync(stoppingToken);
}
