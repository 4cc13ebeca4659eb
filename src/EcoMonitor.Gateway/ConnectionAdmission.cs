using Microsoft.AspNetCore.Connections;

namespace EcoMonitor.Gateway;

/// <summary>
/// Connection middleware on the HJ 212 endpoint, before <see cref="Hj212ConnectionHandler"/>: gives back the slot
/// <see cref="AdmittingListener"/> took in <see cref="ConnectionLimiter"/> when the connection ends. A connection that
/// reached the endpoint by another transport (none in the platform; a test server's) is admitted here instead: only
/// while the limiter has room globally and for its source address, else closed at once (nothing read, nothing
/// archived), counted by reason and logged in bulk (<see cref="ConnectionReports"/>). Kestrel's own
/// <c>Limits.MaxConcurrentConnections</c> is no substitute: it is one number for every endpoint (each endpoint
/// counting on its own), knows no source addresses and refuses only after the accepted socket reached the thread pool.
/// </summary>
internal sealed class ConnectionAdmission(ConnectionDelegate next, ConnectionLimiter limiter, ConnectionReports reports)
{
    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        AdmittedSource? admitted = connection.Features.Get<AdmittedSource>();
        string source = admitted?.Source ?? GatewaySource.Key(connection.RemoteEndPoint);
        ConnectionRefusal refusal = admitted is null ? limiter.TryAcquire(source) : ConnectionRefusal.None;
        if (refusal != ConnectionRefusal.None)
        {
            reports.Refused(refusal, connection.RemoteEndPoint);

            // As Kestrel's own connection limit does: end both directions; Kestrel then closes the socket.
            await connection.Transport.Input.CompleteAsync();
            await connection.Transport.Output.CompleteAsync();
            return;
        }

        try
        {
            await next(connection);
        }
        finally
        {
            limiter.Release(source);
        }
    }
}
