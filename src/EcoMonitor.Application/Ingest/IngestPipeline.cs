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
    /// Queues <paramref name="item"/> (waiting while the queue is full) and completes once it is durable, saying
    /// whether its packet was a duplicate and what its observations did. Faults — and the caller must not acknowledge
    /// — when the batch holding it could not be committed, or when the pipeline has stopped accepting items
    /// (<see cref="ChannelClosedException"/>). Cancelling stops the wait, not a commit already under way.
    /// </summary>
    public async ValueTask<IngestReceipt> SubmitAsync(IngestItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var pending = new PendingIngest(item);
        await _channel.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Receipt.WaitAsync(cancellationToken);
    }

    /// <summary>Stops accepting items; those already accepted are still stored.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
