using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Cli.Bench;

/// <summary>
/// Opens one station connection for the benchmark: connect, send the station's frame, wait for its 9014
/// acknowledgement (same QN). The socket is returned open, so the server holds a real, authenticated session.
/// </summary>
internal static class BenchConnection
{
    private const int ReceiveBytes = 1024;
    private const int ReturnCodeReady = 1;

    /// <summary>The open socket, or null and the reason it failed.</summary>
    public static async Task<(Socket? Socket, string? Failure)> OpenAsync(
        IPEndPoint endPoint, byte[] frame, string requestNumber, ConnectionBenchOptions options, CancellationToken cancellationToken)
    {
        Socket socket = new(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        string? failure;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            try
            {
                timeout.CancelAfter(options.ConnectTimeout);
                await socket.ConnectAsync(endPoint, timeout.Token);
                timeout.CancelAfter(options.AckTimeout);
                await socket.SendAsync(frame, SocketFlags.None, timeout.Token);
                failure = await ReceiveAckAsync(socket, requestNumber, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timed out";
            }
            catch (SocketException exception)
            {
                failure = exception.SocketErrorCode.ToString();
            }
        }

        if (failure is null)
        {
            return (socket, null);
        }

        socket.Dispose();
        return (null, failure);
    }

    private static async Task<string?> ReceiveAckAsync(Socket socket, string requestNumber, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[ReceiveBytes];
        int received = 0;
        while (received < buffer.Length)
        {
            int read = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return "closed by the server before the acknowledgement";
            }

            received += read;
            if (Decide(buffer.AsSpan(0, received), requestNumber) is { } outcome)
            {
                return outcome.Length == 0 ? null : outcome;
            }
        }

        return "no acknowledgement in the first 1 KB of replies";
    }

    // Empty string: acknowledged; text: refused; null: no whole reply to this frame yet.
    private static string? Decide(ReadOnlySpan<byte> received, string requestNumber)
    {
        byte[] qn = Encoding.ASCII.GetBytes(requestNumber);
        ReadOnlySequence<byte> buffer = new(received.ToArray());
        Hj212FrameScanner scanner = new(ReceiveBytes);
        while (scanner.TryRead(ref buffer, out ReadOnlySequence<byte> frame, out _) != Hj212ScanStatus.NeedMoreData)
        {
            Hj212ParseResult parsed = Hj212Parser.Parse(frame.ToArray());
            if (!parsed.IsSuccess || !parsed.Frame.Qn.SequenceEqual(qn))
            {
                continue;
            }

            if (parsed.Frame.CommandCode == Hj212CommandCodes.DataResponse)
            {
                return string.Empty;
            }

            if (parsed.Frame.CommandCode == Hj212CommandCodes.RequestResponse && ReturnCode(parsed.Frame) is var code && code != ReturnCodeReady)
            {
                return string.Create(CultureInfo.InvariantCulture, $"refused with QnRtn {code}");
            }
        }

        return null;
    }

    private static int ReturnCode(in Hj212Frame reply)
    {
        foreach (Hj212CpField field in reply.EnumerateCp())
        {
            if (field.Key.SequenceEqual("QnRtn"u8) && Utf8Parser.TryParse(field.Value, out int code, out _))
            {
                return code;
            }
        }

        return -1;
    }
}
