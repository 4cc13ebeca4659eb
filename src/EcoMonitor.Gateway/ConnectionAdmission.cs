using Microsoft.AspNetCore.Connections;

namespace EcoMonitor.Gateway;

/// <summary>
/// Connection middleware on the HJ 212 endpoint, before <see cref="Hj212ConnectionHandler"/>: admits a connection
/// only while <see cref="ConnectionLimiter"/> has room globally and for its source address; otherwise closes it at once
/// (nothing read, nothing archived), counts it by reason and logs at most one line per reason every few seconds with
/// the number refused meanwhile. Kestrel's own <c>Limits.MaxConcurrentConnections</c> is no substitute: it is one
/// number for every endpoint (each endpoint counting on its own) and knows no source addresses.
/// </summary>
internal sealed class ConnectionAdmission
{
    /// <summary>The least time between two log lines about refused connections of one reason.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly ConnectionDelegate _next;
    private readonly ConnectionLimiter _limiter;
    private readonly GatewayStats _stats;
    private readonly ILogger<ConnectionAdmission> _logger;
    private readonly LogThrottle _limitLog;
    private readonly LogThrottle _addressLog;

    public ConnectionAdmission(ConnectionDelegate next, ConnectionLimiter limiter, GatewayStats stats, TimeProvider time, ILogger<ConnectionAdmission> logger)
    {
        _next = next;
        _limiter = limiter;
        _stats = stats;
        _logger = logger;
        _limitLog = new LogThrottle(time, LogInterval);
        _addressLog = new LogThrottle(time, LogInterval);
    }

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        string source = GatewaySource.Key(connection.RemoteEndPoint);
        ConnectionRefusal refusal = _limiter.TryAcquire(source);
        if (refusal != ConnectionRefusal.None)
        {
            await RefuseAsync(connection, refusal);
            return;
        }

        try
        {
            await _next(connection);
        }
        finally
        {
            _limiter.Release(source);
        }
    }

    private async Task RefuseAsync(ConnectionContext connection, ConnectionRefusal refusal)
    {
        _stats.ConnectionRefused(refusal);
        bool isGlobal = refusal == ConnectionRefusal.Limit;
        if ((isGlobal ? _limitLog : _addressLog).TryEnter(out long held))
        {
            GatewayConnectionLimits limits = _limiter.Limits;
            GatewayLog.ConnectionsRefused(
                _logger, held + 1, LogInterval.TotalSeconds, isGlobal ? "connection limit" : "per-address connection limit",
                isGlobal ? limits.MaxConnections : limits.MaxConnectionsPerAddress, connection.RemoteEndPoint);
        }

        // As Kestrel's own connection limit does: end both directions; Kestrel then closes the socket.
        await connection.Transport.Input.CompleteAsync();
        await connection.Transport.Output.CompleteAsync();
    }
}
