using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace EcoMonitor.Application.Work;

/// <summary>
/// Runs one consumer's background work durably and poison-proof (docs/adr/0027), driven by its worker's loop
/// (<see cref="WaitAsync"/>, then <see cref="RunOnceAsync"/>):
/// <list type="bullet">
/// <item>work comes from the commit listeners through the <see cref="PendingWork{TItem}"/> (fast), and from the store: at
/// start everything pending for the consumer, then once per <see cref="WorkOptions.SweepInterval"/> across the nodes
/// (the scheduled run <c>work.sweep.{kind}</c>, <see cref="ScheduledRuns"/>) what has been pending longer than
/// <see cref="WorkOptions.SweepGrace"/> and is not held by the sweeping node (left by a node that stopped or died, or by
/// the CLI), each such station-day replayed whole (<see cref="IWorkConsumer{TItem}.RecoverAsync"/>);</item>
/// <item>a pass works in chunks; a chunk that fails is split into its station-days, so the failing one is found while
/// the others complete. A failure of the store (<see cref="WorkErrors"/>) leaves everything pending and pauses with a
/// doubling back-off; a station-day that fails on its own counts an attempt in the store, is tried again after
/// <see cref="WorkOptions.RetryDelay"/> and set aside after <see cref="WorkOptions.MaxAttempts"/> (logged once, counted);</item>
/// <item>what a pass completed is written to the store every <see cref="WorkOptions.CompletionInterval"/> as
/// <see cref="WorkMark"/>s: a station-day worked on whole completes everything committed before; otherwise only the
/// versions this node's commits produced.</item>
/// <item>once the first sweep was taken up whole and a pass after it finished with nothing waiting for a retry and the
/// store not failing, the work pending at start is done: reported once to <see cref="StartupWork"/> (readiness).</item>
/// </list>
/// Not thread-safe: one worker loop calls it (its queue is thread-safe).
/// </summary>
internal sealed partial class WorkRunner<TItem>
    where TItem : notnull
{
    private readonly IWorkConsumer<TItem> _consumer;
    private readonly PendingWork<TItem> _queue;
    private readonly IPendingWorkStore _store;
    private readonly WorkOptions _options;
    private readonly WorkCounters _counters;
    private readonly ScheduledRuns _runs;
    private readonly ScheduledJob _sweepJob;
    private readonly StoreOutageLog _outage;
    private readonly StartupWork _startup;
    private readonly long _startedAt;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Completed, not yet written: per pending row, the version completed whole (0: none) and the versions completed.
    private readonly Dictionary<long, CompletedRow> _completed = [];
    private readonly List<(DateTimeOffset Due, WorkGroup<TItem> Group)> _deferred = [];
    private readonly HashSet<WorkDay> _setAside = [];
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _sweepDue = DateTimeOffset.MinValue;
    private DateTimeOffset _completionDue = DateTimeOffset.MinValue;
    private TimeSpan _storeDelay;
    private long _sweepCursor;
    private bool _isFirstSweep = true;
    private bool _isStartupDone;

    public WorkRunner(
        IWorkConsumer<TItem> consumer, PendingWork<TItem> queue, IPendingWorkStore store, WorkOptions options, WorkCounters counters, ScheduledRuns runs,
        IStoreHealth health, StartupWork startup, TimeProvider time, ILogger logger)
    {
        _consumer = consumer;
        _queue = queue;
        _store = store;
        _options = options;
        _counters = counters;
        _runs = runs;
        _sweepJob = new ScheduledJob("work.sweep." + StoreCodes.ToCode(consumer.Kind), options.SweepInterval);
        _outage = new StoreOutageLog(health, logger, StoreCodes.ToCode(consumer.Kind) + " work");
        _startup = startup;
        _startup.Register(consumer.Kind);
        _startedAt = time.GetTimestamp();
        _time = time;
        _logger = logger;
        _storeDelay = options.RetryDelay;
    }

    /// <summary>The consumer's queue.</summary>
    public PendingWork<TItem> Queue => _queue;

    /// <summary>The loop of a worker that does nothing else: until the host stops, then what was completed is written.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitAsync(null, null, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not done is pending in the store.
        }

        await StopAsync();
    }

    /// <summary>The host is stopping: writes what was completed and not yet written, for at most 5 s (else it is only done again).</summary>
    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await WriteCompletionsAsync(timeout.Token);
    }

    /// <summary>
    /// Waits until there is something to do — work queued, a retry, a sweep or a completion write due — or
    /// <paramref name="alsoWakeOn"/> completes, or <paramref name="atMost"/> passed. Returns at once when work is queued.
    /// </summary>
    public async Task WaitAsync(Task? alsoWakeOn, TimeSpan? atMost, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        bool isPaused = now < _pausedUntil;
        if (!isPaused && _queue.Count > 0)
        {
            return;
        }

        DateTimeOffset next = isPaused ? _pausedUntil : _sweepDue;
        if (_completed.Count > 0 && _completionDue < next)
        {
            next = _completionDue;
        }

        foreach ((DateTimeOffset due, _) in _deferred)
        {
            next = due < next ? due : next;
        }

        if (atMost is { } limit && now + limit < next)
        {
            next = now + limit;
        }

        if (next <= now)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        List<Task> wakers = [Task.Delay(next - now, _time, stop.Token)];
        if (!isPaused)
        {
            wakers.Add(_queue.WhenAdded);
        }

        if (alsoWakeOn is not null)
        {
            wakers.Add(alsoWakeOn);
        }

        try
        {
            await Task.WhenAny(wakers).WaitAsync(cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <summary>
    /// Does what is due: puts retries whose time has come back in the queue, sweeps the store when due, works on
    /// everything queued (unless paused after a failure of the store) and writes completions when due.
    /// </summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (now >= _pausedUntil)
        {
            ReturnDueRetries(now);
            if (now >= _sweepDue)
            {
                await SweepAsync(cancellationToken);
            }

            // Swept whole at least once: everything pending at start is in this take (or was in an earlier one).
            bool isSwept = !_isFirstSweep && _sweepCursor == 0;
            WorkBatch<TItem> batch = _queue.TakeAll();
            if (!batch.IsEmpty)
            {
                await PassAsync(batch, cancellationToken);
            }

            if (isSwept && !_isStartupDone && _time.GetUtcNow() >= _pausedUntil && _deferred.Count == 0)
            {
                _isStartupDone = true;
                _startup.Done(_consumer.Kind);
                TimeSpan elapsed = _time.GetElapsedTime(_startedAt);
                ApplicationLog.WorkStartupDone(_logger, _consumer.Kind, elapsed);
            }
        }

        if (_completed.Count > 0 && _time.GetUtcNow() >= _completionDue)
        {
            await WriteCompletionsAsync(cancellationToken);
        }
    }

    /// <summary>Writes what was completed and not yet written; false when the store failed (kept for the next write).</summary>
    public async Task<bool> WriteCompletionsAsync(CancellationToken cancellationToken)
    {
        if (_completed.Count == 0)
        {
            return true;
        }

        var marks = new List<WorkMark>(_completed.Count);
        foreach ((long id, CompletedRow row) in _completed.OrderBy(c => c.Key))
        {
            long whole = row.Whole;
            if (whole > 0)
            {
                marks.Add(new WorkMark(id, 1, whole));
            }

            foreach ((long from, long to) in row.Versions.Ranges)
            {
                if (to > whole)
                {
                    marks.Add(new WorkMark(id, Math.Max(from, whole + 1), to));
                }
            }
        }

        try
        {
            await _store.CompleteAsync(_consumer.Kind, marks, cancellationToken);
            _completed.Clear();
            _completionDue = _time.GetUtcNow() + _options.CompletionInterval;
            _outage.Succeeded();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not lost: the marks are kept and written with the next ones; until then the work only looks pending.
            if (!_outage.TryLogUnavailable(exception))
            {
                ApplicationLog.WorkCompletionFailed(_logger, exception, _consumer.Kind, marks.Count, _options.RetryDelay);
            }

            _completionDue = _time.GetUtcNow() + _options.RetryDelay;
            return false;
        }
    }

    /// <summary>
    /// Takes up pending station-days from the store: at first everything (what a restart or a crash left), page by page;
    /// then, once per sweep interval across the nodes, what has been pending longer than the grace period. Days this
    /// node holds are left to it.
    /// </summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (_isFirstSweep || _sweepCursor != 0)
        {
            await SweepPageAsync(cancellationToken);
            return;
        }

        ScheduledRunResult result = await _runs.RunIfDueAsync(_sweepJob, SweepPageAsync, cancellationToken);
        if (result.Outcome is not ScheduledRunOutcome.Ran)
        {
            // Swept by another node in this slot (or the run table could not be asked): next slot, or when that node's lease ends.
            _sweepDue = result.NextAttempt.ToDateTimeOffset();
        }
    }

    /// <summary>One page of a sweep; a failure of the store is logged and the sweep retried after <see cref="WorkOptions.RetryDelay"/>.</summary>
    private async Task SweepPageAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        try
        {
            if (_sweepCursor == 0)
            {
                await RefreshSetAsideAsync(cancellationToken);
            }

            Instant? changedBefore = _isFirstSweep ? null : Instant.FromDateTimeOffset(now - _options.SweepGrace);
            IReadOnlyList<PendingDay> pending = await _store.PendingAsync(_consumer.Kind, _sweepCursor, changedBefore, _options.SweepPage, cancellationToken);
            HashSet<WorkDay> held = [];
            _queue.CollectDays(held, _consumer.DayOf);
            foreach ((_, WorkGroup<TItem> group) in _deferred)
            {
                held.Add(group.Day);
            }

            int taken = 0;
            foreach (PendingDay day in pending)
            {
                if (!held.Contains(day.Day))
                {
                    _queue.Replay(day);
                    taken++;
                }
            }

            if (taken > 0)
            {
                ApplicationLog.WorkRecovered(_logger, _consumer.Kind, taken);
                _counters.RecordRecovered(_consumer.Kind, taken);
            }

            if (pending.Count == _options.SweepPage)
            {
                // A full page: the next one as soon as this one is worked on.
                _sweepCursor = pending[^1].Id;
                _sweepDue = now;
                return;
            }

            _sweepCursor = 0;
            _isFirstSweep = false;
            _sweepDue = now + _options.SweepInterval;
            _outage.Succeeded();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!_outage.TryLogUnavailable(exception))
            {
                ApplicationLog.WorkStoreFailed(_logger, exception, _consumer.Kind, 0, _options.RetryDelay);
            }

            _counters.RecordFailure(_consumer.Kind, isStoreFailure: true);
            _sweepDue = now + _options.RetryDelay;
        }
    }

    /// <summary>The kind's set-aside days as the store holds them (another node may have set some aside, or retried them).</summary>
    private async Task RefreshSetAsideAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SetAsideWork> all = await _store.SetAsideAsync(int.MaxValue, cancellationToken);
        _setAside.Clear();
        foreach (SetAsideWork item in all)
        {
            if (item.Kind == _consumer.Kind)
            {
                _setAside.Add(item.Day);
            }
        }
    }

    private void ReturnDueRetries(DateTimeOffset now)
    {
        for (int i = _deferred.Count - 1; i >= 0; i--)
        {
            (DateTimeOffset due, WorkGroup<TItem> group) = _deferred[i];
            if (due <= now)
            {
                _deferred.RemoveAt(i);
                _queue.Return(group.Items, group.Progress, group.Replays);
            }
        }
    }

    /// <summary>What was completed of one pending row and not yet written: the version completed whole (0: none) and the versions completed.</summary>
    private sealed class CompletedRow(DayProgress versions)
    {
        public long Whole { get; set; }

        public DayProgress Versions { get; } = versions;
    }
}
