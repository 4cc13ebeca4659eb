using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Runs the alarm engine: loads rules and active alarms at start, then evaluates queued series values as they arrive
/// and, every <see cref="AlarmOptions.CheckInterval"/>, the timer rules and deadlines. One loop, so the engine is
/// never called concurrently. The series work is durable and poison-proof (<see cref="WorkRunner{TItem}"/>,
/// docs/adr/0027): it comes from this node's commits and from the store (at start and what other nodes left, each such
/// station-day's items rebuilt from its stored values by <see cref="AlarmBacklog.Match"/>); a station-day whose
/// evaluation fails on its own is set aside after repeated attempts while the rest goes on; a failure of the store is
/// retried with a back-off. Evaluating an item twice adds no second step (the engine is idempotent for re-evaluation).
/// Several nodes sharing one database: each node evaluates the values its own commits queued, and every pass runs under
/// the cluster lock <see cref="LockName"/>, so that passes of different nodes never interleave (one writer decides
/// whether an alarm is raised, cleared or escalated). Every <see cref="AlarmOptions.CheckInterval"/> each node reloads
/// the active alarms from the store, so that an alarm raised or closed by another node is seen within one interval
/// (docs/adr/0012); the check of the timer rules (silence, AQI) and deadlines runs once per interval slot across the
/// nodes (<see cref="CheckJobName"/>, <see cref="ScheduledRuns"/>, docs/adr/0029). On the embedded store (one node) the lock is in-process and the reload finds what is already known.
/// Review decisions wait in the store until a pass re-evaluates them (docs/adr/0025): at start (what a crash or stop left),
/// when this node stores one (<see cref="AlarmBacklog.ReviewsPending"/>) and at every periodic check (another node's or
/// the CLI's decisions, and retries), each pass under the same lock. Bursts of security failures
/// (<see cref="SecurityBursts"/>) raise or update the security alarms in a pass of their own, under the same lock.
/// </summary>
internal sealed class AlarmWorker : BackgroundService, IWorkConsumer<AlarmWorkItem>
{
    /// <summary>The cluster lock held while the engine evaluates values or runs its periodic check.</summary>
    public const string LockName = "alarms.engine";

    /// <summary>The scheduled run of the periodic check (timer rules such as silence, and deadlines).</summary>
    public const string CheckJobName = "alarms.check";

    // Never ask again sooner than this (a lease that ends as it is read).
    private static readonly TimeSpan MinimumCheckWait = TimeSpan.FromMilliseconds(100);

    private readonly AlarmRuleSet _rules;
    private readonly AlarmEngine _engine;
    private readonly AlarmBacklog _backlog;
    private readonly SecurityBursts _bursts;
    private readonly HashSet<SecurityBurst> _retriedBursts = [];
    private readonly IObservationStore _observations;
    private readonly IClusterLock _clusterLock;
    private readonly AlarmOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AlarmWorker> _logger;
    private readonly WorkRunner<AlarmWorkItem> _runner;
    private readonly ScheduledRuns _runs;
    private readonly ScheduledJob _checkJob;
    private readonly StoreOutageLog _outage;

    public AlarmWorker(
        AlarmRuleSet rules, AlarmEngine engine, AlarmBacklog backlog, SecurityBursts bursts, IObservationStore observations, IPendingWorkStore work, IClusterLock clusterLock,
        IOptions<AlarmOptions> options, IOptions<WorkOptions> workOptions, WorkCounters counters, ScheduledRuns runs, IStoreHealth health, StartupWork startup, TimeProvider timeProvider, ILogger<AlarmWorker> logger)
    {
        _rules = rules;
        _engine = engine;
        _backlog = backlog;
        _bursts = bursts;
        _observations = observations;
        _clusterLock = clusterLock;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _runs = runs;
        _checkJob = new ScheduledJob(CheckJobName, _options.CheckInterval);
        _outage = new StoreOutageLog(health, logger, "alarm engine");
        _runner = new WorkRunner<AlarmWorkItem>(this, backlog.Queue, work, workOptions.Value, counters, runs, health, startup, timeProvider, logger);
    }

    WorkKind IWorkConsumer<AlarmWorkItem>.Kind => WorkKind.Alarms;

    bool IWorkConsumer<AlarmWorkItem>.CoversWholeDay => false;

    int IWorkConsumer<AlarmWorkItem>.ChunkSize => int.MaxValue;

    WorkDay IWorkConsumer<AlarmWorkItem>.DayOf(AlarmWorkItem item) => new(item.Station, item.Interval, WorkDay.DayOf(item.Period));

    /// <summary>The day's stored values of the series' interval, through the matcher.</summary>
    async Task<IReadOnlyList<AlarmWorkItem>> IWorkConsumer<AlarmWorkItem>.RecoverAsync(WorkDay day, CancellationToken cancellationToken)
    {
        IReadOnlyList<Observation> values = await _observations.QueryAsync(
            new ObservationQuery
            {
                Station = day.Station, Interval = day.Interval, From = ChinaTime.ToInstant(day.Day.AtMidnight()),
                To = ChinaTime.ToInstant(day.Day.PlusDays(1).AtMidnight()), Limit = int.MaxValue,
            },
            cancellationToken);
        return _backlog.Match(values);
    }

    async Task IWorkConsumer<AlarmWorkItem>.ProcessAsync(IReadOnlyList<AlarmWorkItem> items, CancellationToken cancellationToken)
    {
        await using (await _clusterLock.AcquireAsync(LockName, cancellationToken))
        {
            await _engine.ProcessAsync(items, cancellationToken);
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _rules.LoadAsync(cancellationToken);
        await _engine.LoadActiveAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset nextCheck = _timeProvider.GetUtcNow() + _options.CheckInterval;

        // Decisions left queued by a crash or a stop before their pass, or stored by another node or the CLI.
        _backlog.SignalReviews();
        Task? signal = null;
        (Task Reviews, Task Bursts)? signalOf = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait = nextCheck - _timeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero && !_backlog.ReviewsPending.IsCompleted && !_bursts.Pending.IsCompleted)
                {
                    // One combined signal until either completes (a new WhenAny each pass would pile up continuations).
                    if (signal is null || signal.IsCompleted || signalOf != (_backlog.ReviewsPending, _bursts.Pending))
                    {
                        signalOf = (_backlog.ReviewsPending, _bursts.Pending);
                        signal = Task.WhenAny(signalOf.Value.Reviews, signalOf.Value.Bursts);
                    }

                    await _runner.WaitAsync(signal, wait, stoppingToken);
                }

                // Decisions first: a value evaluated after its decision is judged by it.
                if (_backlog.TakeReviewSignal())
                {
                    await RunReviewsAsync(stoppingToken);
                }

                await _runner.RunOnceAsync(stoppingToken);

                if (_bursts.Pending.IsCompleted)
                {
                    await RunSecurityAsync(stoppingToken);
                }

                if (_timeProvider.GetUtcNow() >= nextCheck)
                {
                    // The timer rules and deadlines once per slot across the nodes; every node reloads the active alarms.
                    ScheduledRunResult check = await _runs.RunIfDueAsync(_checkJob, CheckAsync, stoppingToken);
                    if (check.Outcome is not ScheduledRunOutcome.Ran)
                    {
                        await RunAsync(
                            () => _engine.LoadActiveAsync(stoppingToken),
                            exception => LogFailure(exception, ApplicationLog.AlarmCheckFailed),
                            stoppingToken);
                    }

                    DateTimeOffset soonest = _timeProvider.GetUtcNow() + MinimumCheckWait;
                    nextCheck = check.NextAttempt.ToDateTimeOffset() is var next && next > soonest ? next : soonest;

                    // Also retries decisions a failed or contended pass left queued.
                    await RunReviewsAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not done is pending in the store.
        }

        await _runner.StopAsync();
    }

    /// <summary>The periodic check, when this node claimed the slot: the active alarms as every node left them, then the timer rules and deadlines.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using (await _clusterLock.AcquireAsync(LockName, cancellationToken))
        {
            await _engine.LoadActiveAsync(cancellationToken);
            await _engine.CheckAsync(cancellationToken);
        }
    }

    /// <summary>Re-evaluates the review decisions pending in the store; what is left stays there for the next pass.</summary>
    private Task RunReviewsAsync(CancellationToken stoppingToken) =>
        RunAsync(
            () => _engine.ProcessReviewsAsync(stoppingToken),
            exception => LogFailure(exception, ApplicationLog.AlarmReviewsFailed),
            stoppingToken);

    /// <summary>
    /// Raises or updates the security alarms of the waiting bursts, one pass each, so that a burst that fails is not
    /// applied twice with the others; it is tried once more in the next pass, then given up (it stays in the audit
    /// trail, and the subject's next burst raises the alarm).
    /// </summary>
    private async Task RunSecurityAsync(CancellationToken stoppingToken)
    {
        foreach (SecurityBurst burst in _bursts.TakeAll())
        {
            await RunAsync(
                () => _engine.ProcessSecurityBurstsAsync([burst], stoppingToken),
                exception =>
                {
                    LogFailure(exception, (logger, e) => ApplicationLog.AlarmSecurityFailed(logger, e, 1));
                    if (_retriedBursts.Add(burst))
                    {
                        _bursts.Requeue([burst]);
                    }
                },
                stoppingToken);
            if (_retriedBursts.Count > SecurityBursts.Capacity)
            {
                _retriedBursts.Clear();
            }
        }
    }

    /// <summary>Logs a failed pass: an outage of the store as one warning for the outage, anything else as an error with its stack.</summary>
    private void LogFailure(Exception exception, Action<ILogger, Exception> log)
    {
        if (!_outage.TryLogUnavailable(exception))
        {
            log(_logger, exception);
        }
    }

    private async Task RunAsync(Func<Task> work, Action<Exception> failed, CancellationToken stoppingToken)
    {
        try
        {
            await using (await _clusterLock.AcquireAsync(LockName, stoppingToken))
            {
                await work();
            }

            _outage.Succeeded();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: checks run again at the next start, decisions are pending in the store.
        }
        catch (Exception exception)
        {
            // Not swallowed: logged once (an outage of the store as one warning), and the work is tried again after a pause.
            failed(exception);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping.
            }
        }
    }
}
