using System.Net;
using System.Net.Sockets;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Raw loopback TCP clients that act as many sources: each socket is bound to a chosen 127.x.y.z address before it
/// connects (all of 127.0.0.0/8 is loopback), so the gateway sees distinct source addresses.
/// </summary>
internal static class SourceSockets
{
    /// <summary>The i-th distinct loopback source address of a flood: 127.0.1.1, 127.0.1.2, … (250 per third octet).</summary>
    public static string Address(int index, int firstOctet3 = 1) =>
        $"127.0.{firstOctet3 + (index / 250)}.{1 + (index % 250)}";

    /// <summary>A socket bound to <paramref name="source"/> and connected to 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<Socket> ConnectAsync(string source, int port, CancellationToken cancellationToken)
    {
        Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True when the server closes (or resets) <paramref name="socket"/> within <paramref name="timeout"/>; data it sends is skipped.</summary>
    public static async Task<bool> IsClosedByServerAsync(Socket socket, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        byte[] buffer = new byte[1024];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token) > 0)
            {
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>Writes <paramref name="bytes"/>; false when the server has closed the connection.</summary>
    public static async Task<bool> TrySendAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Closes every socket.</summary>
    public static void CloseAll(IEnumerable<Socket> sockets)
    {
        foreach (Socket socket in sockets)
        {
            socket.Dispose();
        }
    }
}
