using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Threading.Channels;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Protocol.Hj212;
using Microsoft.AspNetCore.Connections;

namespace EcoMonitor.Gateway;

/// <summary>
/// One data logger's TCP connection. The read loop frames the byte stream (resynchronising on <c>##</c>), decides
/// each frame and submits it to the ingest pipeline without waiting; a second loop awaits the commits in arrival
/// order and writes each reply only after its frame is durable (ADR 0004). At most
/// <see cref="GatewayOptions.MaxInFlightPerConnection"/> frames wait for their commit; beyond that reading pauses,
/// which pushes back on the socket. Not thread-safe: owned by its connection handler call.
/// </summary>
internal sealed class StationConnection(
    ConnectionContext connection,
    FrameProcessor processor,
    IngestPipeline pipeline,
    GatewayOptions options,
    GatewayStats stats,
    TimeProvider time)
{
    private readonly Hj212FrameScanner _scanner = new(options.MaxFrameBytes);
    private readonly EndPoint? _remote = connection.RemoteEndPoint;

    /// <summary>Frames read from this connection.</summary>
    public long Frames { get; private set; }

    /// <summary>True when the connection ended because it was idle.</summary>
    public bool WasIdle { get; private set; }

    /// <summary>Runs until the station disconnects, the connection idles out or the host stops.</summary>
    public async Task RunAsync()
    {
        using CancellationTokenSource idle = new(Timeout.InfiniteTimeSpan, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, idle.Token);
        var replies = Channel.CreateBounded<PendingReply>(new BoundedChannelOptions(options.MaxInFlightPerConnection)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        Task writer = WriteRepliesAsync(replies.Reader, linked.Token);
        try
        {
            // Reads are not cancelled when the connection closes: the pipe then completes with the bytes that arrived,
            // so a frame cut off by the close is still archived (as Truncated).
            await ReadFramesAsync(replies.Writer, idle, idle.Token);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested)
        {
            WasIdle = true;
        }
        finally
        {
            replies.Writer.TryComplete();
            try
            {
                await writer;
            }
            catch (OperationCanceledException) when (linked.IsCancellationRequested)
            {
                // The connection closed or idled out: replies still waiting have nowhere to go.
            }
        }
    }

    private async Task ReadFramesAsync(ChannelWriter<PendingReply> replies, CancellationTokenSource idle, CancellationToken cancellationToken)
    {
        PipeReader input = connection.Transport.Input;
        while (true)
        {
            idle.CancelAfter(options.IdleTimeout);
            ReadResult read = await input.ReadAsync(cancellationToken);
            ReadOnlySequence<byte> buffer = read.Buffer;
            try
            {
                while (await TryHandleNextAsync(ref buffer, replies, cancellationToken))
                {
                }

                if (read.IsCompleted && !buffer.IsEmpty)
                {
                    await SubmitAsync(processor.Unframed(buffer.ToArray(), Hj212Error.Truncated, _remote), replies, cancellationToken);
                    buffer = buffer.Slice(buffer.End);
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (read.IsCompleted)
            {
                return;
            }
        }
    }

    private ValueTask<bool> TryHandleNextAsync(ref ReadOnlySequence<byte> buffer, ChannelWriter<PendingReply> replies, CancellationToken cancellationToken)
    {
        Hj212ScanStatus status = _scanner.TryRead(ref buffer, out ReadOnlySequence<byte> frame, out Hj212Error error);
        if (_scanner.SkippedBytes > 0)
        {
            stats.Skipped(_scanner.SkippedBytes);
        }

        if (status == Hj212ScanStatus.NeedMoreData)
        {
            return ValueTask.FromResult(false);
        }

        Frames++;
        byte[] bytes = frame.ToArray();
        FrameDecision decision = status == Hj212ScanStatus.Frame
            ? processor.Process(bytes, _remote)
            : processor.Unframed(bytes, error, _remote);
        return SubmitThenContinueAsync(decision, replies, cancellationToken);
    }

    private async ValueTask<bool> SubmitThenContinueAsync(FrameDecision decision, ChannelWriter<PendingReply> replies, CancellationToken cancellationToken)
    {
        await SubmitAsync(decision, replies, cancellationToken);
        return true;
    }

    private async Task SubmitAsync(FrameDecision decision, ChannelWriter<PendingReply> replies, CancellationToken cancellationToken)
    {
        Task<IngestReceipt> receipt = pipeline.SubmitAsync(decision.Item, cancellationToken).AsTask();
        await replies.WriteAsync(new PendingReply(receipt, decision), cancellationToken);
    }

    /// <summary>
    /// Writes each reply once its frame is durable, in arrival order. Replies are buffered and flushed together:
    /// before waiting for a commit that has not finished, and when no further reply is queued — one flush per burst
    /// rather than per frame, and never a durable reply left unsent while the loop waits.
    /// </summary>
    private async Task WriteRepliesAsync(ChannelReader<PendingReply> replies, CancellationToken cancellationToken)
    {
        PipeWriter output = connection.Transport.Output;
        bool hasUnflushed = false;
        await foreach (PendingReply pending in replies.ReadAllAsync(cancellationToken))
        {
            if (hasUnflushed && !pending.Receipt.IsCompleted)
            {
                hasUnflushed = false;
                if (await FlushAsync(output, cancellationToken))
                {
                    return;
                }
            }

            if (await IsDurableAsync(pending) && pending.Decision.Reply is { } reply)
            {
                output.Write(reply);
                hasUnflushed = true;
                if (pending.Decision.IsDataAck)
                {
                    stats.AckSent();
                }
                else
                {
                    stats.RejectionReplySent();
                }
            }

            if (hasUnflushed && !replies.TryPeek(out _))
            {
                hasUnflushed = false;
                if (await FlushAsync(output, cancellationToken))
                {
                    return;
                }
            }
        }

        if (hasUnflushed)
        {
            await FlushAsync(output, cancellationToken);
        }
    }

    /// <summary>Flushes; true when the peer has gone (nothing more can be written).</summary>
    private static async Task<bool> FlushAsync(PipeWriter output, CancellationToken cancellationToken) =>
        (await output.FlushAsync(cancellationToken)).IsCompleted;

    private async Task<bool> IsDurableAsync(PendingReply pending)
    {
        try
        {
            await pending.Receipt;
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The store failed: the station gets no acknowledgement and will resend; the failure is logged and counted.
            stats.AckWithheld();
            GatewayLog.AckWithheld(processor.Logger, exception, pending.Decision.Item.Frame.RequestNumber, _remote);
            return false;
        }
    }
}
