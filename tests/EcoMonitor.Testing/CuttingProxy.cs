using System.Net;
using System.Net.Sockets;

namespace EcoMonitor.Testing;

/// <summary>
/// A loopback TCP proxy that forwards both ways and, for its first <c>cuts</c> connections, resets both sides after
/// <c>cutAfterBytes</c> bytes from the client — mid-frame, as a failing mobile link does. Later connections pass
/// untouched. Stops when disposed.
/// </summary>
public sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly int _cutAfterBytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _cutsLeft;
    private int _cutsMade;

    public CuttingProxy(int targetPort, int cuts, int cutAfterBytes)
    {
        _targetPort = targetPort;
        _cutsLeft = cuts;
        _cutAfterBytes = cutAfterBytes;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections reset so far.</summary>
    public int CutsMade => Volatile.Read(ref _cutsMade);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        Task[] running;
        lock (_connections)
        {
            running = [.. _connections];
        }

        await Task.WhenAll(running);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            bool cut = Interlocked.Decrement(ref _cutsLeft) >= 0;
            lock (_connections)
            {
                _connections.Add(RelayAsync(client, cut));
            }
        }
    }

    private async Task RelayAsync(TcpClient client, bool cut)
    {
        using TcpClient server = new();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            Task up = CopyAsync(client.GetStream(), server.GetStream(), cut ? _cutAfterBytes : long.MaxValue, both.Token);
            Task down = CopyAsync(server.GetStream(), client.GetStream(), long.MaxValue, both.Token);
            await Task.WhenAny(up, down);
            if (cut)
            {
                Interlocked.Increment(ref _cutsMade);
            }

            // Reset rather than close, so neither side gets a graceful end of stream.
            client.Client.LingerState = new LingerOption(true, 0);
            server.Client.LingerState = new LingerOption(true, 0);
            await both.CancelAsync();
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // A side went away: the relay ends.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static async Task CopyAsync(NetworkStream from, NetworkStream to, long limit, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[4096];
        long copied = 0;
        try
        {
            while (copied < limit)
            {
                int read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - copied)), cancellationToken);
                if (read == 0)
                {
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                copied += read;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The other direction ended the relay.
        }
    }
}
