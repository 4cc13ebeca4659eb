using System.Net;
using System.Net.Sockets;

namespace EcoMonitor.Testing;

/// <summary>
/// A loopback TCP proxy in front of a server (a database) that can be severed: <see cref="Sever"/> resets every
/// relayed connection and every new one, as a crashed server or a cut network does to its clients, until
/// <see cref="Restore"/>. Thread-safe; stops when disposed.
/// </summary>
public sealed class SeveringProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    // Guards _relays and _isSevered: a relay starts only while not severed, and Sever resets all started ones.
    private readonly Lock _gate = new();
    private readonly List<Relay> _relays = [];
    private bool _isSevered;

    public SeveringProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Resets every open connection and every later one until <see cref="Restore"/>.</summary>
    public void Sever()
    {
        Relay[] open;
        lock (_gate)
        {
            _isSevered = true;
            open = [.. _relays];
            _relays.Clear();
        }

        foreach (Relay relay in open)
        {
            relay.Reset();
        }
    }

    /// <summary>Relays new connections again.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            _isSevered = false;
        }
    }

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

        Sever();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            var relay = new Relay(client, server);
            bool isSevered;
            lock (_gate)
            {
                isSevered = _isSevered;
                if (!isSevered)
                {
                    _relays.Add(relay);
                }
            }

            if (isSevered)
            {
                relay.Reset();
                continue;
            }

            _ = RunAsync(relay);
        }
    }

    // Owned by the proxy: every fault ends in the catch below, and Sever or DisposeAsync resets the sockets it holds.
    private async Task RunAsync(Relay relay)
    {
        try
        {
            await relay.Server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            Task up = relay.Client.GetStream().CopyToAsync(relay.Server.GetStream(), _stop.Token);
            Task down = relay.Server.GetStream().CopyToAsync(relay.Client.GetStream(), _stop.Token);
            await Task.WhenAny(up, down);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // A side went away or the proxy was severed: the relay ends.
        }
        finally
        {
            lock (_gate)
            {
                _relays.Remove(relay);
            }

            relay.Reset();
        }
    }

    private sealed class Relay(TcpClient client, TcpClient server)
    {
        public TcpClient Client { get; } = client;

        public TcpClient Server { get; } = server;

        /// <summary>Resets both sides (no graceful end of stream). Idempotent.</summary>
        public void Reset()
        {
            foreach (TcpClient side in (TcpClient[])[Client, Server])
            {
                try
                {
                    side.Client.LingerState = new LingerOption(true, 0);
                }
                catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
                {
                    // Already closed.
                }

                side.Dispose();
            }
        }
    }
}
