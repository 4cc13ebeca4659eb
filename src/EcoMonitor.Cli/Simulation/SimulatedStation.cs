using System.Buffers;
using System.Net.Sockets;
using System.Text;
using EcoMonitor.Protocol.Hj212;
using NodaTime;

namespace EcoMonitor.Cli.Simulation;

/// <summary>
/// One virtual data logger: sends its hour frames over one TCP connection, at most
/// <see cref="SimulationOptions.Window"/> unacknowledged at a time, and counts a frame delivered only when its 9014
/// acknowledgement (same QN) arrives. When the connection is cut or an acknowledgement does not come in time, it
/// reconnects and resends every unacknowledged frame, as a logger's 补传 does. Not thread-safe; one task per station.
/// </summary>
internal sealed class SimulatedStation(IReadOnlyList<HourRecord> records, string password, SimulationOptions options, SimulationProgress progress)
{
    private const int ReturnCodeReady = 1;
    private readonly SortedDictionary<int, string> _pendingByIndex = [];
    private readonly Dictionary<string, int> _pendingByQn = new(StringComparer.Ordinal);
    private readonly byte[] _receive = new byte[16 * 1024];
    private int _received;
    private int _next;

    /// <summary>Replays all records; false when the station could not (re)connect.</summary>
    public async Task<bool> RunAsync(Func<Instant, TimeSpan> delayUntilDue, CancellationToken cancellationToken)
    {
        int failures = 0;
        bool hasConnected = false;
        while (_next < records.Count || _pendingByIndex.Count > 0)
        {
            using TcpClient client = new() { NoDelay = true };
            try
            {
                await client.ConnectAsync(options.Host, options.Port, cancellationToken);
            }
            catch (SocketException) when (++failures < options.MaxConnectAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * failures), cancellationToken);
                continue;
            }
            catch (SocketException)
            {
                return false;
            }

            if (hasConnected)
            {
                progress.Reconnected();
            }

            hasConnected = true;
            failures = 0;
            _received = 0;
            try
            {
                await ExchangeAsync(client.GetStream(), delayUntilDue, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or SocketException or TimeoutException)
            {
                // The connection broke or went silent: reconnect and resend what is unacknowledged.
            }
        }

        return true;
    }

    private async Task ExchangeAsync(NetworkStream stream, Func<Instant, TimeSpan> delayUntilDue, CancellationToken cancellationToken)
    {
        foreach (KeyValuePair<int, string> pending in _pendingByIndex)
        {
            await stream.WriteAsync(HourFrameFactory.Create(records[pending.Key], password), cancellationToken);
            progress.Resent();
        }

        while (_next < records.Count || _pendingByIndex.Count > 0)
        {
            while (_pendingByIndex.Count < options.Window && _next < records.Count && delayUntilDue(records[_next].PeriodStart) <= TimeSpan.Zero)
            {
                HourRecord record = records[_next];
                string qn = HourFrameFactory.RequestNumber(record);
                _pendingByIndex.Add(_next, qn);
                _pendingByQn.Add(qn, _next);
                _next++;
                await stream.WriteAsync(HourFrameFactory.Create(record, password), cancellationToken);
                progress.Sent();
            }

            if (_pendingByIndex.Count == 0)
            {
                if (_next < records.Count)
                {
                    await Task.Delay(delayUntilDue(records[_next].PeriodStart), cancellationToken);
                }

                continue;
            }

            await ReceiveRepliesAsync(stream, cancellationToken);
        }
    }

    private async Task ReceiveRepliesAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AckTimeout);
        int read;
        try
        {
            read = await stream.ReadAsync(_receive.AsMemory(_received), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("No acknowledgement within the timeout.");
        }

        if (read == 0)
        {
            throw new IOException("The platform closed the connection.");
        }

        _received += read;
        HandleReplies();
    }

    private void HandleReplies()
    {
        ReadOnlySequence<byte> buffer = new(_receive, 0, _received);
        Hj212FrameScanner scanner = new(_receive.Length);
        while (scanner.TryRead(ref buffer, out ReadOnlySequence<byte> frame, out _) != Hj212ScanStatus.NeedMoreData)
        {
            byte[] bytes = frame.ToArray();
            Hj212ParseResult parsed = Hj212Parser.Parse(bytes);
            if (parsed.IsSuccess)
            {
                HandleReply(parsed.Frame);
            }
        }

        int consumed = (int)(_received - buffer.Length);
        _receive.AsSpan(consumed, _received - consumed).CopyTo(_receive);
        _received -= consumed;
    }

    private void HandleReply(in Hj212Frame reply)
    {
        string qn = Encoding.ASCII.GetString(reply.Qn);
        if (!_pendingByQn.TryGetValue(qn, out int index))
        {
            return;
        }

        if (reply.CommandCode == Hj212CommandCodes.DataResponse)
        {
            Forget(qn, index);
            progress.Acked(records[index].Values.Count);
        }
        else if (reply.CommandCode == Hj212CommandCodes.RequestResponse && ReturnCode(reply) != ReturnCodeReady)
        {
            Forget(qn, index);
            progress.Rejected();
        }
    }

    private void Forget(string qn, int index)
    {
        _pendingByQn.Remove(qn);
        _pendingByIndex.Remove(index);
    }

    private static int ReturnCode(in Hj212Frame reply)
    {
        foreach (Hj212CpField field in reply.EnumerateCp())
        {
            if (field.Key.SequenceEqual("QnRtn"u8) && System.Buffers.Text.Utf8Parser.TryParse(field.Value, out int code, out _))
            {
                return code;
            }
        }

        return -1;
    }
}
