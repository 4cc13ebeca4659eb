using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Threading.Channels;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Storage;
using EcoMonitor.Protocol.Hj212;
using Microsoft.AspNetCore.Connections;

namespace EcoMonitor.Gateway;

/// <summary>
/// One data logger's TCP connection. The read loop frames the byte stream (resynchronising on <c>##</c>), decides
/// each frame and submits it to the ingest pipeline without waiting; a second loop awaits the commits in arrival
/// order and writes each reply only after its frame is durable (ADR 0004). At most
/// <see cref="GatewayOptions.MaxInFlightPerConnection"/> frames wait for their commit; beyond that reading pauses,
/// which pushes back on the socket. The peer's time is bounded: only whole frames reset the idle deadline
/// (<see cref="GatewayOptions.IdleTimeout"/>), a frame whose <c>##</c> has arrived must be complete within
/// <see cref="GatewayOptions.FrameTimeout"/>, and at most <see cref="GatewayOptions.MaxNoiseBytes"/> outside frames
/// are read between two whole frames. Not thread-safe: owned by its connection handler call.
/// </summary>
internal sealed class StationConnection(
    ConnectionContext connection,
    FrameProcessor processor,
    IngestPipeline pipeline,
    GatewayOptions options,
    GatewayStats stats,
    TimeProvider time)
{
    private const long NoFrame = long.MinValue;

    // The receipt of a decision with nothing to store: its reply goes out in order, without a commit to wait for.
    private static readonly Task<IngestReceipt> NothingToStore = Task.FromResult(new IngestReceipt(RawFrameOutcome.Rejected, default));
    private readonly Hj212FrameScanner _scanner = new(options.MaxFrameBytes);
    private readonly EndPoint? _remote = connection.RemoteEndPoint;
    private long _wholeFrames;
    private long _lastWholeFrameAt;
    private long _frameStartedAt = NoFrame;
    private long _noiseBytes;
    private ConnectionEnd _deadlineFor = ConnectionEnd.Idle;

    // Ends a password check's wait when the connection closes or its deadline passes.
    private CancellationToken _waits;
    private CancellationTokenSource? _deadline;

    /// <summary>Frames read from this connection.</summary>
    public long Frames { get; private set; }

    /// <summary>How the connection ended: <see cref="ConnectionEnd.Peer"/> unless the gateway closed it.</summary>
    public ConnectionEnd End { get; private set; } = ConnectionEnd.Peer;

    /// <summary>Runs until the station disconnects, the gateway closes the connection or the host stops.</summary>
    public async Task RunAsync()
    {
        using CancellationTokenSource deadline = new(Timeout.InfiniteTimeSpan, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, deadline.Token);
        var replies = Channel.CreateBounded<PendingReply>(new BoundedChannelOptions(options.MaxInFlightPerConnection)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        _waits = linked.Token;
        _deadline = deadline;
        Task writer = WriteRepliesAsync(replies.Reader, linked.Token);
        try
        {
            // Reads are not cancelled when the connection closes: the pipe then completes with the bytes that arrived,
            // so a frame cut off by the close is still archived (as Truncated).
            await ReadFramesAsync(replies.Writer, deadline);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            End = _deadlineFor;
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
                // The connection closed or was closed: replies still waiting have nowhere to go.
            }
        }
    }

    private async Task ReadFramesAsync(ChannelWriter<PendingReply> replies, CancellationTokenSource deadline)
    {
        PipeReader input = connection.Transport.Input;
        CancellationToken cancellationToken = deadline.Token;
        _lastWholeFrameAt = time.GetTimestamp();
        while (true)
        {
            await ArmPeerDeadlineAsync(deadline);
            ReadResult read = await input.ReadAsync(cancellationToken);

            // Deciding and submitting what arrived (waiting for the store when it pushes back) gets an idle timeout of its own.
            _deadlineFor = ConnectionEnd.Idle;
            deadline.CancelAfter(options.IdleTimeout);
            ReadOnlySequence<byte> buffer = read.Buffer;
            long wholeFramesBefore = _wholeFrames;
            try
            {
                while (await TryHandleNextAsync(ref buffer, replies, cancellationToken))
                {
                }

                if (read.IsCompleted && !buffer.IsEmpty && End == ConnectionEnd.Peer)
                {
                    await SubmitAsync(processor.Unframed(buffer.ToArray(), Hj212Error.Truncated, _remote), replies, cancellationToken);
                    buffer = buffer.Slice(buffer.End);
                }

                TrackPendingFrame(buffer, _wholeFrames != wholeFramesBefore);
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (read.IsCompleted || End != ConnectionEnd.Peer)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Arms the deadline the peer must meet before its next bytes: the idle deadline (from the last whole frame) or,
    /// when a frame has started, that frame's deadline, whichever comes first.
    /// </summary>
    private async Task ArmPeerDeadlineAsync(CancellationTokenSource deadline)
    {
        TimeSpan left = options.IdleTimeout - time.GetElapsedTime(_lastWholeFrameAt);
        _deadlineFor = ConnectionEnd.Idle;
        if (_frameStartedAt != NoFrame && options.FrameTimeout - time.GetElapsedTime(_frameStartedAt) is var frameLeft && frameLeft < left)
        {
            left = frameLeft;
            _deadlineFor = ConnectionEnd.FrameTimeout;
        }

        if (left > TimeSpan.Zero)
        {
            deadline.CancelAfter(left);
        }
        else
        {
            await deadline.CancelAsync();
        }
    }

    /// <summary>Notes when the frame left pending in <paramref name="rest"/> (starting with its <c>##</c>) began to arrive.</summary>
    private void TrackPendingFrame(ReadOnlySequence<byte> rest, bool hadWholeFrame)
    {
        long now = time.GetTimestamp();
        if (hadWholeFrame)
        {
            _lastWholeFrameAt = now;
            _frameStartedAt = NoFrame;
        }

        if (rest.Length < 2)
        {
            _frameStartedAt = NoFrame;
        }
        else if (_frameStartedAt == NoFrame)
        {
            _frameStartedAt = now;
        }
    }

    private ValueTask<bool> TryHandleNextAsync(ref ReadOnlySequence<byte> buffer, ChannelWriter<PendingReply> replies, CancellationToken cancellationToken)
    {
        if (End != ConnectionEnd.Peer)
        {
            return ValueTask.FromResult(false);
        }

        Hj212ScanStatus status = _scanner.TryRead(ref buffer, out ReadOnlySequence<byte> frame, out Hj212Error error);
        if (_scanner.SkippedBytes > 0)
        {
            stats.Skipped(_scanner.SkippedBytes);
            _noiseBytes += _scanner.SkippedBytes;
            if (_noiseBytes > options.MaxNoiseBytes)
            {
                End = ConnectionEnd.Noise;
                return ValueTask.FromResult(false);
            }
        }

        if (status == Hj212ScanStatus.NeedMoreData)
        {
            return ValueTask.FromResult(false);
        }

        Frames++;
        if (status == Hj212ScanStatus.Frame)
        {
            _wholeFrames++;
            _noiseBytes = 0;
        }

        byte[] bytes = frame.ToArray();
        FrameDecision decision = status == Hj212ScanStatus.Frame
            ? processor.Process(bytes, _remote)
            : processor.Unframed(bytes, error, _remote);
        return decision.IsDeferred
            ? DecideAfterWaitingAsync(bytes, decision, replies, cancellationToken)
            : SubmitThenContinueAsync(decision, replies, cancellationToken);
    }

    /// <summary>
    /// Waits the password check's turns or the registry refresh for an unknown MN (holding only this connection), then
    /// decides the frame and submits it.
    /// </summary>
    private async ValueTask<bool> DecideAfterWaitingAsync(
        byte[] bytes, FrameDecision decision, ChannelWriter<PendingReply> replies, CancellationToken cancellationToken)
    {
        bool isRegistryRefreshed = false;
        while (decision.IsDeferred)
        {
            // The wait is the gateway's doing, not the peer's: the connection's deadline starts again after it.
            if (decision.RegistryRefresh is { } refresh)
            {
                _deadline?.CancelAfter(options.IdleTimeout);
                await refresh.WaitAsync(_waits);
                isRegistryRefreshed = true;
            }
            else
            {
                _deadline?.CancelAfter(decision.Wait + options.IdleTimeout);
                await Task.Delay(decision.Wait, time, _waits);
            }

            decision = processor.Process(bytes, _remote, decision.Turn, isRegistryRefreshed);
        }

        await SubmitAsync(decision, replies, cancellationToken);
        return true;
    }

    private async ValueTask<bool> SubmitThenContinueAsync(FrameDecision decision, ChannelWriter<PendingReply> replies, CancellationToken cancellationToken)
    {
        await SubmitAsync(decision, replies, cancellationToken);
        return true;
    }

    private async Task SubmitAsync(FrameDecision decision, ChannelWriter<PendingReply> replies, CancellationToken cancellationToken)
    {
        Task<IngestReceipt> receipt = decision.Item is { } item ? Submit(item, cancellationToken) : NothingToStore;
        await replies.WriteAsync(new PendingReply(receipt, decision), cancellationToken);
    }

    /// <summary>Queues a data frame for storage, in a span of its own (<see cref="GatewayTelemetry"/>) that ends when the frame is durable.</summary>
    private Task<IngestReceipt> Submit(IngestItem item, CancellationToken cancellationToken)
    {
        if (!GatewayTelemetry.Source.HasListeners())
        {
            return pipeline.SubmitAsync(item, cancellationToken);
        }

        Activity? previous = Activity.Current;
        Activity? frame = GatewayTelemetry.Source.StartActivity("hj212.frame", ActivityKind.Server);
        try
        {
            Task<IngestReceipt> receipt = pipeline.SubmitAsync(item, cancellationToken);
            if (frame is not null)
            {
                frame.SetTag("ecomonitor.mn", item.Frame.StationId).SetTag("ecomonitor.observations", item.Observations.Count);
                _ = EndWhenDurableAsync(frame, receipt);
            }

            return receipt;
        }
        finally
        {
            // The next frame of this connection is not a child of this one.
            Activity.Current = previous;
        }
    }

    private static async Task EndWhenDurableAsync(Activity frame, Task<IngestReceipt> receipt)
    {
        try
        {
            await receipt;
        }
        catch (Exception exception)
        {
            frame.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        }
        finally
        {
            frame.Dispose();
        }
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

            if (await IsDurableAsync(pending, cancellationToken) && pending.Decision.Reply is { } reply)
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

    /// <summary>
    /// Waits for the frame's commit; true when it is durable. Only a wait that has to happen is made cancellable (when
    /// the connection closes or its deadline passes): most receipts are complete by the time their turn comes.
    /// </summary>
    private async Task<bool> IsDurableAsync(PendingReply pending, CancellationToken cancellationToken)
    {
        try
        {
            await (pending.Receipt.IsCompleted ? pending.Receipt : pending.Receipt.WaitAsync(cancellationToken));
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The store failed: the station gets no acknowledgement and will resend; the failure is logged and counted.
            stats.AckWithheld();
            GatewayLog.AckWithheld(processor.Logger, exception, pending.Decision.Item?.Frame.RequestNumber, _remote);
            return false;
        }
    }
}
