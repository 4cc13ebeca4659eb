using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Recomputes the evaluations of dirty station-days in the background, in chunks of <see cref="ChunkSize"/>, and
/// invalidates the period statistics cache after each chunk. Ingest never waits for it. The work is durable and
/// poison-proof (<see cref="WorkRunner{TItem}"/>, docs/adr/0027): it comes from this node's commits and from the store
/// (at start, and what other nodes left), a station-day that fails on its own is set aside after repeated attempts
/// while the rest goes on, and a failure of the store is retried with a back-off.
/// Several nodes sharing one database each recompute the station-days their own commits touched; a chunk runs under
/// the cluster lock <see cref="LockName"/>, so that two nodes never recompute the same city-day at once and the last
/// recomputation of a city-day reads every station's committed data (docs/adr/0012).
/// </summary>
internal sealed class EvaluationWorker : BackgroundService, IWorkConsumer<StationDay>
{
    /// <summary>Station-days recomputed before the cache is invalidated and the next chunk is taken.</summary>
    public const int ChunkSize = 500;

    /// <summary>The cluster lock held while a chunk is recomputed.</summary>
    public const string LockName = "evaluation.recompute";

    // The hourly parameters an evaluation reads (EvaluationBacklog.IsEvaluated): the six air pollutants and the water items.
    private static readonly ParameterCode[] EvaluatedParameters = [.. AirParameters.Codes, .. WaterParameters.Items.Keys];

    private readonly EvaluationBacklog _backlog;
    private readonly AirEvaluator _evaluator;
    private readonly WaterEvaluator _waterEvaluator;
    private readonly AirStatisticsService _statistics;
    private readonly IObservationStore _observations;
    private readonly IClusterLock _clusterLock;
    private readonly ILogger<EvaluationWorker> _logger;
    private readonly WorkRunner<StationDay> _runner;

    public EvaluationWorker(
        EvaluationBacklog backlog, AirEvaluator evaluator, WaterEvaluator waterEvaluator, AirStatisticsService statistics, IObservationStore observations,
        IPendingWorkStore work, IClusterLock clusterLock, IOptions<WorkOptions> options, WorkCounters counters, ScheduledRuns runs, IStoreHealth health, StartupWork startup, TimeProvider timeProvider,
        ILogger<EvaluationWorker> logger)
    {
        _backlog = backlog;
        _evaluator = evaluator;
        _waterEvaluator = waterEvaluator;
        _statistics = statistics;
        _observations = observations;
        _clusterLock = clusterLock;
        _logger = logger;
        _runner = new WorkRunner<StationDay>(this, backlog.Queue, work, options.Value, counters, runs, health, startup, timeProvider, logger);
    }

    WorkKind IWorkConsumer<StationDay>.Kind => WorkKind.Evaluation;

    bool IWorkConsumer<StationDay>.CoversWholeDay => true;

    int IWorkConsumer<StationDay>.ChunkSize => ChunkSize;

    WorkDay IWorkConsumer<StationDay>.DayOf(StationDay item) => new(item.Station, ObservationInterval.Hour, item.Day);

    /// <summary>An hourly station-day with an air or surface-water value is recomputed; other days need nothing.</summary>
    async Task<IReadOnlyList<StationDay>> IWorkConsumer<StationDay>.RecoverAsync(WorkDay day, CancellationToken cancellationToken)
    {
        if (day.Interval != ObservationInterval.Hour)
        {
            return [];
        }

        var stationDay = new StationDay(day.Station, day.Day);
        IReadOnlyList<Observation> values = await _observations.QueryAsync(
            new ObservationQuery
            {
                Station = day.Station, Interval = ObservationInterval.Hour, From = stationDay.Start, To = stationDay.End, Parameters = EvaluatedParameters, Limit = 1,
            },
            cancellationToken);
        return values.Count > 0 ? [stationDay] : [];
    }

    async Task IWorkConsumer<StationDay>.ProcessAsync(IReadOnlyList<StationDay> items, CancellationToken cancellationToken)
    {
        StationDay[] chunk = [.. items.OrderBy(d => d.Day).ThenBy(d => d.Station.Value, StringComparer.Ordinal)];
        int cityDays;
        await using (await _clusterLock.AcquireAsync(LockName, cancellationToken))
        {
            cityDays = await _evaluator.RecomputeAsync(chunk, cancellationToken);
            await _waterEvaluator.RecomputeAsync(chunk, cancellationToken);
        }

        _statistics.Invalidate();
        ApplicationLog.EvaluationRecomputed(_logger, chunk.Length, cityDays, _backlog.PendingCount);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _runner.RunAsync(stoppingToken);
}
