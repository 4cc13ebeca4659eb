using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Ingest;

/// <summary>
/// The entrance of the durable write path: a bounded queue drained by <see cref="IngestBatchWriter"/> into batched
/// transactions. Thread-safe; any number of connections submit concurrently.
/// </summary>
public sealed class IngestPipeline
{
    private readonly Channel<PendingIngest> _channel;

    public IngestPipeline(IOptions<IngestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = Channel.CreateBounded<PendingIngest>(new BoundedChannelOptions(options.Value.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>Items accepted and not yet taken by the writer.</summary>
    public int QueuedCount => _channel.Reader.Count;

    internal ChannelReader<PendingIngest> Reader => _channel.Reader;

    /// <summary>
    /// Queues <paramref name="item"/> (waiting while the queue is full) and returns its receipt, which completes once
    /// the item is durable, saying whether its packet was a duplicate and what its observations did. The receipt faults
    /// — and the caller must not acknowledge — when the batch holding the item could not be committed; the returned task
    /// faults with <see cref="ChannelClosedException"/> when the pipeline has stopped accepting items. Cancelling stops
    /// only the wait for room in the queue: an item once queued is stored, and its receipt completes when its batch is
    /// committed (or has failed), so a caller that must stop waiting earlier wraps the receipt itself. When the queue has
    /// room — the usual case — the item is queued synchronously and the receipt itself is returned: no state machine and
    /// no cancellation registration per frame.
    /// </summary>
    public Task<IngestReceipt> SubmitAsync(IngestItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var pending = new PendingIngest(item);
        return _channel.Writer.TryWrite(pending) ? pending.Receipt : QueueThenWaitAsync(pending, cancellationToken);
    }

    private async Task<IngestReceipt> QueueThenWaitAsync(PendingIngest pending, CancellationToken cancellationToken)
    {
        await _channel.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Receipt;
    }

    /// <summary>Stops accepting items; those already accepted are still stored.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
