using System.Diagnostics;
using System.Threading.Channels;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Ingest;

/// <summary>
/// Drains <see cref="IngestPipeline"/> into batches (up to <see cref="IngestOptions.MaxBatchSize"/> items or
/// <see cref="IngestOptions.MaxBatchObservations"/> observations, waiting at most <see cref="IngestOptions.MaxBatchDelay"/>
/// for more), commits each batch in one transaction through the one write path (<see cref="ObservationWriter"/>: the
/// store, then every commit listener) and completes each item's receipt. A failed commit faults that batch's receipts, is logged once and counted; the writer goes on with the
/// next batch. On stop the pipeline stops accepting and everything already accepted is stored before the writer ends.
/// </summary>
internal sealed class IngestBatchWriter(
    IngestPipeline pipeline,
    IIngestStore store,
    IngestCounters counters,
    ObservationWriter writer,
    IOptions<IngestOptions> options,
    TimeProvider timeProvider,
    ILogger<IngestBatchWriter> logger) : BackgroundService
{
    private readonly IngestOptions _options = options.Value;
    private readonly IngestBatch _batch = new();
    private readonly List<PendingIngest> _pending = [];
    private readonly List<PacketId> _packets = [];
    private readonly HashSet<PacketId> _packetsInBatch = [];

    // Held by whichever of ExecuteAsync and StopAsync is draining, so that the channel has one reader at a time.
    // Not disposed: its wait handle is never created, and a host may call StopAsync after disposing its services.
    private readonly SemaphoreSlim _draining = new(1, 1);

    // A host may stop its services more than once (e.g. a test host stopped, then disposed); the second stop has nothing to do.
    private int _stopRequested;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopRequested, 1) == 1)
        {
            return;
        }

        ApplicationLog.IngestWriterDraining(logger, pipeline.QueuedCount);
        pipeline.Complete();
        await base.StopAsync(cancellationToken);

        // ExecuteAsync may never have run (a stop right after the start cancels it before it begins): whatever it
        // did not store is stored here.
        await _draining.WaitAsync(cancellationToken);
        try
        {
            await DrainAsync();
        }
        finally
        {
            _draining.Release();
        }

        ApplicationLog.IngestWriterStopped(logger);
    }

    /// <summary>
    /// Runs until the pipeline is completed and empty. Reads ignore <paramref name="stoppingToken"/> on purpose:
    /// stopping completes the pipeline first, so the loop ends only after the accepted items are stored.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _draining.WaitAsync(stoppingToken);
        try
        {
            await DrainAsync();
        }
        finally
        {
            _draining.Release();
        }
    }

    private async Task DrainAsync()
    {
        ChannelReader<PendingIngest> reader = pipeline.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            await FillAsync(reader);
            await CommitAsync();
            _pending.Clear();
        }
    }

    private async Task FillAsync(ChannelReader<PendingIngest> reader)
    {
        int observations = 0;
        long started = timeProvider.GetTimestamp();
        while (true)
        {
            while (_pending.Count < _options.MaxBatchSize && observations < _options.MaxBatchObservations
                && reader.TryRead(out PendingIngest? pending))
            {
                _pending.Add(pending);
                observations += pending.Item.Observations.Count;
            }

            bool isFull = _pending.Count >= _options.MaxBatchSize || observations >= _options.MaxBatchObservations;
            TimeSpan remaining = _options.MaxBatchDelay - timeProvider.GetElapsedTime(started);
            if (isFull || remaining <= TimeSpan.Zero || !await WaitForMoreAsync(reader, remaining))
            {
                return;
            }
        }
    }

    /// <summary>True when an item arrived within <paramref name="timeout"/>; false on timeout or when the pipeline is done.</summary>
    private async Task<bool> WaitForMoreAsync(ChannelReader<PendingIngest> reader, TimeSpan timeout)
    {
        using var expiry = new CancellationTokenSource(timeout, timeProvider);
        try
        {
            return await reader.WaitToReadAsync(expiry.Token);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task CommitAsync()
    {
        _batch.Clear();
        try
        {
            await BuildBatchAsync();
            using Activity? activity = StartCommitActivity();
            AppendResult appended = await writer.CommitAsync(_batch, CancellationToken.None);
            activity?.SetTag("ecomonitor.inserted", appended.Inserted).SetTag("ecomonitor.revised", appended.Revised);
            var committedAt = Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
            counters.RecordCommit(appended, committedAt);
            int duplicates = 0;
            foreach (PendingIngest pending in _pending)
            {
                counters.RecordFrame(pending.Outcome, pending.Item.Frame.Reason);
                duplicates += pending.Outcome == RawFrameOutcome.Duplicate ? 1 : 0;
                pending.Complete(new IngestReceipt(pending.Outcome, AppendedBy(pending)));
            }

            ApplicationLog.IngestBatchCommitted(logger, _pending.Count, duplicates, appended.Inserted, appended.Unchanged, appended.Revised);
        }
        catch (Exception exception)
        {
            // Not swallowed: every submitter of the batch gets the failure and does not acknowledge.
            ApplicationLog.IngestBatchFailed(logger, exception, _pending.Count, _batch.Observations.Count);
            counters.RecordFailedBatch();
            foreach (PendingIngest pending in _pending)
            {
                pending.Fail(exception);
            }
        }
    }

    /// <summary>The span of one commit, linked to the span of each frame in it (when anything listens).</summary>
    private Activity? StartCommitActivity()
    {
        if (!ApplicationTelemetry.Source.HasListeners())
        {
            return null;
        }

        List<ActivityLink> links = [.. _pending.Where(p => p.Trace != default).Select(p => new ActivityLink(p.Trace))];
        Activity? activity = ApplicationTelemetry.Source.StartActivity("ingest.commit", ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("ecomonitor.frames", _batch.Frames.Count).SetTag("ecomonitor.observations", _batch.Observations.Count);
        return activity;
    }

    /// <summary>Marks resends of known packets (stored earlier or earlier in this batch) as duplicates and fills the batch.</summary>
    private async Task BuildBatchAsync()
    {
        _packets.Clear();
        _packetsInBatch.Clear();
        foreach (PendingIngest pending in _pending)
        {
            if (pending.Item is { Packet: { } packet, Frame.Outcome: RawFrameOutcome.Accepted })
            {
                _packets.Add(packet);
            }
        }

        IReadOnlySet<PacketId> known = _packets.Count == 0
            ? _packetsInBatch
            : await store.FindKnownPacketsAsync(_packets, CancellationToken.None);
        foreach (PendingIngest pending in _pending)
        {
            IngestItem item = pending.Item;
            pending.FirstObservation = _batch.Observations.Count;
            pending.ObservationCount = 0;
            pending.Outcome = item.Frame.Outcome;
            if (item.Frame.Outcome != RawFrameOutcome.Accepted)
            {
                _batch.Frames.Add(item.Frame);
                continue;
            }

            if (item.Packet is { } packet && (known.Contains(packet) || !_packetsInBatch.Add(packet)))
            {
                pending.Outcome = RawFrameOutcome.Duplicate;
                _batch.Frames.Add(item.Frame with { Outcome = RawFrameOutcome.Duplicate });
                continue;
            }

            _batch.Frames.Add(item.Frame);
            _batch.Observations.AddRange(item.Observations);
            pending.ObservationCount = item.Observations.Count;
            if (item.Packet is { } newPacket)
            {
                _batch.Packets.Add(newPacket);
            }
        }
    }

    private AppendResult AppendedBy(PendingIngest pending)
    {
        var result = default(AppendResult);
        for (int i = pending.FirstObservation; i < pending.FirstObservation + pending.ObservationCount; i++)
        {
            result += _batch.Outcomes[i] switch
            {
                AppendOutcome.Inserted => new AppendResult(1, 0, 0),
                AppendOutcome.Unchanged => new AppendResult(0, 1, 0),
                AppendOutcome.Revised => new AppendResult(0, 0, 1),
                _ => throw new InvalidOperationException($"Unknown append outcome {_batch.Outcomes[i]}."),
            };
        }

        return result;
    }
}
