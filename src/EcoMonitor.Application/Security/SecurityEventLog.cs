using System.Diagnostics.Metrics;
using System.Threading.Channels;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace EcoMonitor.Application.Security;

/// <summary>
/// The security event sink: <see cref="Record"/> puts an event on a bounded queue (never blocks; a full queue drops
/// and counts); the background loop aggregates (<see cref="SecurityEventAggregator"/>), writes the records to the
/// audit trail in batches, records each burst there too and tells the <see cref="ISecurityBurstListener"/>s (the alarm
/// runtime raises a security alarm). A failed audit write is logged and retried with the records kept (at most one
/// queue's worth). Counts events by result in <c>ecomonitor.security.events</c> (meter <see cref="MeterName"/>).
/// Thread-safe: any thread records, one loop writes.
/// </summary>
public sealed class SecurityEventLog : BackgroundService, ISecurityEventSink
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "EcoMonitor.Security";

    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly Channel<SecurityEvent> _queue;
    private readonly SecurityEventAggregator _aggregator;
    private readonly SecurityEventOptions _options;
    private readonly IAuditTrail _audit;
    private readonly IEnumerable<ISecurityBurstListener> _listeners;
    private readonly TimeProvider _time;
    private readonly ILogger<SecurityEventLog> _logger;
    private readonly StoreOutageLog _outage;
    private readonly Counter<long> _events;
    private long _dropped;
    private long _recorded;

    /// <summary>Creates the log.</summary>
    public SecurityEventLog(
        IOptions<SecurityEventOptions> options, IAuditTrail audit, IEnumerable<ISecurityBurstListener> listeners, IStoreHealth health, TimeProvider time,
        IMeterFactory meters, ILogger<SecurityEventLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _options = options.Value;
        _queue = Channel.CreateBounded<SecurityEvent>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        _aggregator = new SecurityEventAggregator(_options);
        _audit = audit;
        _listeners = listeners;
        _time = time;
        _logger = logger;
        _outage = new StoreOutageLog(health, logger, "security events");
        _events = meters.Create(MeterName).CreateCounter<long>("ecomonitor.security.events", description: "Security events by kind and result (queued, dropped).");
    }

    /// <summary>Events dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Audit records written, since start (tests wait on it).</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <inheritdoc />
    public void Record(SecurityEvent securityEvent)
    {
        ArgumentNullException.ThrowIfNull(securityEvent);
        bool isQueued = _queue.Writer.TryWrite(securityEvent);
        if (!isQueued)
        {
            Interlocked.Increment(ref _dropped);
        }

        _events.Add(1, new KeyValuePair<string, object?>("kind", securityEvent.Kind.ToString()), new KeyValuePair<string, object?>("result", isQueued ? "queued" : "dropped"));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var records = new List<AuditRecord>();
        var bursts = new List<SecurityBurst>();
        Task<bool>? waiting = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            // One wait for events at a time, kept across the periodic flushes (a new wait each second would leave the
            // channel's earlier waiters queued until the next event).
            waiting ??= _queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
            await WaitForEventsAsync(waiting, stoppingToken);
            if (waiting.IsCompleted)
            {
                waiting = null;
            }

            while (records.Count < _options.QueueCapacity && _queue.Reader.TryRead(out SecurityEvent? e))
            {
                AddOrDrop(e, records, bursts);
            }

            _aggregator.Flush(_time.GetUtcNow().ToInstant(), records);
            foreach (SecurityBurst burst in bursts)
            {
                records.Add(BurstRecord(burst));
                Announce(burst);
            }

            bursts.Clear();
            if (records.Count > 0 && await TryWriteAsync(records, stoppingToken))
            {
                records.Clear();
            }
        }
    }

    /// <summary>
    /// One event into the aggregation; an event that cannot be recorded (a bug in building its record) is logged and
    /// counted as dropped, so that one bad event never stops the log — and with it the host.
    /// </summary>
    private void AddOrDrop(SecurityEvent e, List<AuditRecord> records, List<SecurityBurst> bursts)
    {
        try
        {
            _aggregator.Add(e, records, bursts);
        }
        catch (ArgumentException exception)
        {
            Interlocked.Increment(ref _dropped);
            ApplicationLog.SecurityEventNotRecordable(_logger, exception, e.Kind);
        }
    }

    private async Task WaitForEventsAsync(Task<bool> waiting, CancellationToken stoppingToken)
    {
        try
        {
            await waiting.WaitAsync(FlushInterval, _time, stoppingToken);
        }
        catch (TimeoutException)
        {
            // Time to close the aggregation windows that ended.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is written below once more.
        }
    }

    private async Task<bool> TryWriteAsync(List<AuditRecord> records, CancellationToken stoppingToken)
    {
        try
        {
            await _audit.RecordAsync(records, CancellationToken.None);
            Interlocked.Add(ref _recorded, records.Count);
            _outage.Succeeded();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not swallowed: logged (the store away as one warning of the outage, anything else with its stack), the
            // records are kept and written with the next batch.
            if (!_outage.TryLogUnavailable(exception))
            {
                ApplicationLog.SecurityEventsNotRecorded(_logger, exception, records.Count);
            }

            try
            {
                await Task.Delay(RetryDelay, _time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping.
            }

            return false;
        }
    }

    private void Announce(SecurityBurst burst)
    {
        ApplicationLog.SecurityBurst(_logger, burst.Kind, burst.IsByAddress ? "address" : "subject", burst.Key, burst.Failures);
        foreach (ISecurityBurstListener listener in _listeners)
        {
            listener.OnBurst(burst);
        }
    }

    private static AuditRecord BurstRecord(SecurityBurst burst) =>
        new(SecurityEventCodes.Anonymous, SecurityEventCodes.Burst, burst.IsByAddress ? "address" : SecurityEventCodes.SubjectType(burst.Kind), burst.Key)
        {
            Address = burst.IsByAddress ? burst.Key : null,
            After = AuditJson.Serialize(new
            {
                kind = SecurityEventCodes.Action(burst.Kind),
                failures = burst.Failures,
                from = burst.FirstAt.ToString(),
                to = burst.LastAt.ToString(),
                others = burst.Others,
            }),
        };
}
