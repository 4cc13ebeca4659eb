using Microsoft.AspNetCore.Connections;

namespace EcoMonitor.Gateway;

/// <summary>
/// Connection middleware on the HJ 212 endpoint, before <see cref="Hj212ConnectionHandler"/>: admits a connection
/// only while <see cref="ConnectionLimiter"/> has room globally and for its source address; otherwise closes it at once
/// (nothing read, nothing archived), counted by reason and logged in bulk (<see cref="ConnectionReports"/>). Kestrel's own <c>Limits.MaxConcurrentConnections</c> is no substitute: it is one
/// number for every endpoint (each endpoint counting on its own) and knows no source addresses.
/// </summary>
internal sealed class ConnectionAdmission(ConnectionDelegate next, ConnectionLimiter limiter, ConnectionReports reports)
{
    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        string source = GatewaySource.Key(connection.RemoteEndPoint);
        ConnectionRefusal refusal = limiter.TryAcquire(source);
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
