using System.Net;
using System.Net.Sockets;

namespace EcoMonitor.Testing;

/// <summary>
/// HTTP clients that connect from a chosen loopback address (127.0.0.0/8), so that one test process acts as many
/// client addresses towards a server on 127.0.0.1 (per-address limits, backoff, audit addresses). Linux routes the whole
/// 127/8 to the loopback interface, so any such address can be bound without configuration.
/// </summary>
public static class LoopbackClient
{
    /// <summary>A client of <paramref name="baseAddress"/> whose connections come from <paramref name="source"/> (e.g. <c>127.0.1.7</c>).</summary>
    public static HttpClient From(string source, Uri baseAddress)
    {
        var local = IPAddress.Parse(source);
        SocketsHttpHandler handler = new()
        {
            // Cookies are sent by hand where a test wants them: one handler's jar must not carry a session into another test's request.
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                Socket socket = new(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
