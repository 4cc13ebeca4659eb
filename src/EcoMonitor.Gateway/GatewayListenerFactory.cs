using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Gateway;

/// <summary>
/// Kestrel's transport for the gateway's port only (<see cref="CanBind"/>): Kestrel's socket transport wrapped in
/// <see cref="AdmittingListener"/>. Kestrel asks the factories registered last first, so the HTTP endpoints, which this
/// factory declines, keep Kestrel's own socket transport.
/// </summary>
internal sealed class GatewayListenerFactory(
    IOptions<SocketTransportOptions> socketOptions, ILoggerFactory loggerFactory, IOptions<GatewayOptions> gateway,
    ConnectionLimiter limiter, ConnectionReports reports) : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    private readonly SocketTransportFactory _sockets = new(socketOptions, loggerFactory);

    /// <inheritdoc />
    public bool CanBind(EndPoint endpoint) => gateway.Value.Enabled && endpoint is IPEndPoint { } ip && ip.Port == gateway.Value.Port;

    /// <inheritdoc />
    public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        IConnectionListener listener = await _sockets.BindAsync(endpoint, cancellationToken);
        return new AdmittingListener(listener, limiter, reports);
    }
}
