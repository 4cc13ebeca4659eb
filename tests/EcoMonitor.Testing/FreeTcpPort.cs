using System.Net;
using System.Net.Sockets;

namespace EcoMonitor.Testing;

/// <summary>Finds a loopback TCP port nobody listens on (the OS picks it), for servers a test starts.</summary>
public static class FreeTcpPort
{
    /// <summary>A port that was free a moment ago.</summary>
    public static int Next()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
