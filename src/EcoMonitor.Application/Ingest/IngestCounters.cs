using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EcoMonitor.Application.Storage;
using NodaTime;

namespace EcoMonitor.Application.Ingest;

/// <summary>
/// In-memory counts of what the ingest writer stored, plus the same as <see cref="System.Diagnostics.Metrics"/>
/// instruments on the meter <c>EcoMonitor.Ingest</c>: <c>ecomonitor.ingest.frames</c> (tags <c>outcome</c>, <c>reason</c>),
/// <c>ecomonitor.ingest.observations</c> (tag <c>result</c>), <c>ecomonitor.ingest.batches</c> (tag <c>result</c>).
/// Thread-safe: the writer records with <see cref="Interlocked"/> operations and a concurrent dictionary; readers
/// take a <see cref="Snapshot"/> at any time (its figures are each exact, though not taken at one instant).
/// </summary>
public sealed class IngestCounters : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "EcoMonitor.Ingest";

    private const string Unspecified = "unspecified";

    private readonly long[] _framesByOutcome = new long[3];
    private readonly ConcurrentDictionary<string, long> _rejectionsByReason = new(StringComparer.Ordinal);
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _frames;
    private readonly Counter<long> _observations;
    private readonly Counter<long> _batches;
    private long _inserted;
    private long _unchanged;
    private long _revised;
    private long _batchesCommitted;
    private long _batchesFailed;
    private long _lastCommitTicks = long.MinValue;

    /// <summary>Creates the counters; instruments come from <paramref name="meterFactory"/> when the host has one.</summary>
    public IngestCounters(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _frames = _meter.CreateCounter<long>("ecomonitor.ingest.frames", "{frame}", "Frames stored, by outcome and rejection reason.");
        _observations = _meter.CreateCounter<long>("ecomonitor.ingest.observations", "{observation}", "Observations stored, by result.");
        _batches = _meter.CreateCounter<long>("ecomonitor.ingest.batches", "{batch}", "Ingest transactions, by result.");
    }

    /// <summary>Records one stored frame.</summary>
    public void RecordFrame(RawFrameOutcome outcome, string? reason)
    {
        Interlocked.Increment(ref _framesByOutcome[Index(outcome)]);
        if (outcome == RawFrameOutcome.Rejected)
        {
            string key = reason ?? Unspecified;
            _rejectionsByReason.AddOrUpdate(key, 1, static (_, count) => count + 1);
            _frames.Add(1, new("outcome", "rejected"), new("reason", key));
            return;
        }

        _frames.Add(1, new KeyValuePair<string, object?>("outcome", outcome == RawFrameOutcome.Accepted ? "accepted" : "duplicate"));
    }

    /// <summary>Records a committed batch and what its observations did.</summary>
    public void RecordCommit(AppendResult appended, Instant committedAt)
    {
        Interlocked.Add(ref _inserted, appended.Inserted);
        Interlocked.Add(ref _unchanged, appended.Unchanged);
        Interlocked.Add(ref _revised, appended.Revised);
        Interlocked.Increment(ref _batchesCommitted);
        Interlocked.Exchange(ref _lastCommitTicks, committedAt.ToUnixTimeTicks());
        _observations.Add(appended.Inserted, new KeyValuePair<string, object?>("result", "inserted"));
        _observations.Add(appended.Unchanged, new KeyValuePair<string, object?>("result", "unchanged"));
        _observations.Add(appended.Revised, new KeyValuePair<string, object?>("result", "revised"));
        _batches.Add(1, new KeyValuePair<string, object?>("result", "committed"));
    }

    /// <summary>Records a batch whose commit failed.</summary>
    public void RecordFailedBatch()
    {
        Interlocked.Increment(ref _batchesFailed);
        _batches.Add(1, new KeyValuePair<string, object?>("result", "failed"));
    }

    /// <summary>The counts so far.</summary>
    public IngestStatistics Snapshot()
    {
        long lastCommit = Interlocked.Read(ref _lastCommitTicks);
        return new IngestStatistics
        {
            FramesByOutcome = new Dictionary<RawFrameOutcome, long>
            {
                [RawFrameOutcome.Accepted] = Interlocked.Read(ref _framesByOutcome[Index(RawFrameOutcome.Accepted)]),
                [RawFrameOutcome.Duplicate] = Interlocked.Read(ref _framesByOutcome[Index(RawFrameOutcome.Duplicate)]),
                [RawFrameOutcome.Rejected] = Interlocked.Read(ref _framesByOutcome[Index(RawFrameOutcome.Rejected)]),
            },
            RejectionsByReason = new SortedDictionary<string, long>(_rejectionsByReason, StringComparer.Ordinal),
            ObservationsInserted = Interlocked.Read(ref _inserted),
            ObservationsUnchanged = Interlocked.Read(ref _unchanged),
            ObservationsRevised = Interlocked.Read(ref _revised),
            BatchesCommitted = Interlocked.Read(ref _batchesCommitted),
            BatchesFailed = Interlocked.Read(ref _batchesFailed),
            LastCommitAt = lastCommit == long.MinValue ? null : Instant.FromUnixTimeTicks(lastCommit),
        };
    }

    /// <summary>Disposes the meter when it was not created by a host's meter factory (which owns its meters).</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static int Index(RawFrameOutcome outcome) => outcome switch
    {
        RawFrameOutcome.Accepted => 0,
        RawFrameOutcome.Duplicate => 1,
        RawFrameOutcome.Rejected => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
