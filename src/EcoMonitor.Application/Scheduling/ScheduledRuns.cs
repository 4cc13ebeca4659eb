using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Scheduling;

/// <summary>
/// Runs a job's work at most once per slot across every node sharing the store (docs/adr/0029): claims the current
/// slot's run in <see cref="IScheduledRunStore"/>, renews the claim every third of <see cref="ScheduleOptions.Lease"/>
/// while the work runs, and records the end. A run whose node died is taken over when its lease has run out; a node
/// that finds its claim taken over cancels its work. On stopping, the claim is released at once so another node need
/// not wait for the lease. Counts runs on the meter <c>EcoMonitor.Schedule</c> (<c>ecomonitor.schedule.runs</c>, tags
/// <c>job</c> and <c>outcome</c>). Thread-safe; one caller per job at a time.
/// </summary>
public sealed class ScheduledRuns : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "EcoMonitor.Schedule";

    private const int MaxErrorLength = 2_000;

    private readonly IScheduledRunStore _store;
    private readonly IStoreHealth _health;
    private readonly ScheduleOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ScheduledRuns> _logger;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _runs;

    // Per job: an outage of the store logged once, not at every retry.
    private readonly ConcurrentDictionary<string, StoreOutageLog> _outages = new(StringComparer.Ordinal);

    public ScheduledRuns(
        IScheduledRunStore store, IStoreHealth health, IOptions<ScheduleOptions> options, TimeProvider time, ILogger<ScheduledRuns> logger,
        IMeterFactory? meterFactory = null)
    {
        _store = store;
        _health = health;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _runs = _meter.CreateCounter<long>("ecomonitor.schedule.runs", "{run}", "Scheduled runs asked for by this node, by job and outcome.");
    }

    /// <summary>This node's name in the run table.</summary>
    public string NodeName => _options.NodeName;

    /// <summary>
    /// Runs <paramref name="work"/> when the current slot of <paramref name="job"/> has no run yet (or its run was left
    /// by a node whose lease ran out); otherwise does nothing. Returns what happened and when to ask next: the next
    /// slot's start, the end of another node's lease, or a retry delay when the store could not be asked. Throws only
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<ScheduledRunResult> RunIfDueAsync(ScheduledJob job, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(work);
        Instant now = Now;
        Instant slot = job.SlotOf(now);
        Instant nextSlot = slot + Duration.FromTimeSpan(job.Interval);
        ScheduledRunClaimResult claimed;
        try
        {
            claimed = await _store.TryClaimAsync(job.Name, slot, NodeName, now, now + Lease, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStoreFailure(job.Name, exception);
            return Count(job, ScheduledRunOutcome.StoreFailed, Min(now + Duration.FromTimeSpan(_options.RetryDelay), nextSlot));
        }

        Outage(job.Name).Succeeded();
        if (claimed.Claim is not { } claim)
        {
            return claimed.Run.FinishedAt is not null
                ? Count(job, ScheduledRunOutcome.AlreadyRun, nextSlot)
                : Count(job, ScheduledRunOutcome.RunningElsewhere, Min(claimed.Run.LeaseUntil, nextSlot));
        }

        if (claim.Attempt > 1)
        {
            ApplicationLog.ScheduledRunTakenOver(_logger, job.Name, slot, claim.Attempt);
        }

        return Count(job, await RunClaimedAsync(claim, work, cancellationToken), nextSlot);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private Instant Now => Instant.FromDateTimeOffset(_time.GetUtcNow());

    private Duration Lease => Duration.FromTimeSpan(_options.Lease);

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private async Task<ScheduledRunOutcome> RunClaimedAsync(ScheduledRunClaim claim, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        using var working = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        Task<bool> renewing = RenewWhileRunningAsync(claim, working, stopRenewing.Token);
        string? error = null;
        try
        {
            await work(working.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: give the slot back at once (lease ends now), so another node takes it over without waiting.
            await stopRenewing.CancelAsync();
            await renewing;
            await ReleaseAsync(claim);
            throw;
        }
        catch (OperationCanceledException) when (working.IsCancellationRequested)
        {
            // The claim was lost; the node that took it over runs the slot.
        }
        catch (Exception exception)
        {
            error = exception.GetType().Name + ": " + exception.Message;
            if (error.Length > MaxErrorLength)
            {
                error = error[..MaxErrorLength];
            }

            // The store going away mid-run is an outage (one warning), not the job's own failure.
            if (!Outage(claim.Job).TryLogUnavailable(exception))
            {
                ApplicationLog.ScheduledRunFailed(_logger, exception, claim.Job, claim.Slot);
            }
        }

        await stopRenewing.CancelAsync();
        if (!await renewing)
        {
            ApplicationLog.ScheduledRunLost(_logger, claim.Job, claim.Slot);
            return ScheduledRunOutcome.Lost;
        }

        try
        {
            if (!await _store.FinishAsync(claim, Now, error, CancellationToken.None))
            {
                ApplicationLog.ScheduledRunLost(_logger, claim.Job, claim.Slot);
                return ScheduledRunOutcome.Lost;
            }
        }
        catch (Exception exception)
        {
            // Not recorded: the lease runs out and the slot is run again by the next node that asks (at least once).
            LogStoreFailure(claim.Job, exception);
            return ScheduledRunOutcome.StoreFailed;
        }

        double elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        ApplicationLog.ScheduledRunFinished(_logger, claim.Job, claim.Slot, elapsedMs, error is null);
        return error is null ? ScheduledRunOutcome.Ran : ScheduledRunOutcome.Failed;
    }

    /// <summary>
    /// Renews the claim every third of the lease until <paramref name="stop"/>; when the claim is lost (taken over, or
    /// not renewable before its lease ends because the store is away) cancels <paramref name="working"/> and returns false.
    /// </summary>
    private async Task<bool> RenewWhileRunningAsync(ScheduledRunClaim claim, CancellationTokenSource working, CancellationToken stop)
    {
        TimeSpan every = _options.Lease / 3;
        Instant heldUntil = Now + Lease;
        try
        {
            while (true)
            {
                await Task.Delay(every, _time, stop);
                Instant now = Now;
                try
                {
                    if (!await _store.RenewAsync(claim, now + Lease, stop))
                    {
                        await working.CancelAsync();
                        return false;
                    }

                    heldUntil = now + Lease;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    LogStoreFailure(claim.Job, exception);
                    if (Now + Duration.FromTimeSpan(every) >= heldUntil)
                    {
                        // Cannot be sure of holding it beyond the lease: stop before another node may take over.
                        await working.CancelAsync();
                        return false;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return true;
        }
    }

    private async Task ReleaseAsync(ScheduledRunClaim claim)
    {
        try
        {
            await _store.RenewAsync(claim, Now, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogStoreFailure(claim.Job, exception);
        }
    }

    private void LogStoreFailure(string job, Exception exception)
    {
        if (!Outage(job).TryLogUnavailable(exception))
        {
            ApplicationLog.ScheduledRunStoreFailed(_logger, exception, job);
        }
    }

    private StoreOutageLog Outage(string job) => _outages.GetOrAdd(job, name => new StoreOutageLog(_health, _logger, "scheduled job " + name));

    private ScheduledRunResult Count(ScheduledJob job, ScheduledRunOutcome outcome, Instant nextAttempt)
    {
        _runs.Add(1, new KeyValuePair<string, object?>("job", job.Name), new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        return new ScheduledRunResult(outcome, nextAttempt);
    }
}
