using System.Net;
using System.Net.Sockets;

namespace EcoMonitor.Testing;

/// <summary>
/// A data logger at the process edge: a loopback TCP client that writes raw bytes and reads the platform's
/// CRLF-terminated replies. It knows nothing of HJ 212; tests build and check frames with the real codec.
/// </summary>
public sealed class FakeStation : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _count;

    private FakeStation(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<FakeStation> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        TcpClient client = new() { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        return new FakeStation(client);
    }

    /// <summary>
    /// Connects to 127.0.0.1:<paramref name="port"/> from the loopback address <paramref name="source"/> (any of
    /// 127.0.0.0/8), so that the platform sees a station at another address.
    /// </summary>
    public static async Task<FakeStation> ConnectFromAsync(string source, int port, CancellationToken cancellationToken)
    {
        TcpClient client = new(new IPEndPoint(IPAddress.Parse(source), 0)) { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        return new FakeStation(client);
    }

    /// <summary>Writes bytes as one TCP write.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(bytes, cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>The next reply up to and including CRLF, or null when none comes within <paramref name="timeout"/> or the platform closed.</summary>
    public async Task<byte[]?> ReadReplyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            int end = _buffer.AsSpan(0, _count).IndexOf("\r\n"u8);
            if (end >= 0)
            {
                byte[] reply = _buffer.AsSpan(0, end + 2).ToArray();
                _buffer.AsSpan(end + 2, _count - end - 2).CopyTo(_buffer);
                _count -= end + 2;
                return reply;
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer.AsMemory(_count), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (IOException)
            {
                return null;
            }

            if (read == 0)
            {
                return null;
            }

            _count += read;
        }
    }

    /// <summary>True when the platform has closed the connection (a read returns end of stream) within <paramref name="timeout"/>.</summary>
    public async Task<bool> IsClosedByPeerAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await _stream.ReadAsync(_buffer.AsMemory(_count), deadline.Token) == 0;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}
