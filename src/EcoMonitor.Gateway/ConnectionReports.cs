using System.Net;

namespace EcoMonitor.Gateway;

/// <summary>
/// Counts and logs the connections the gateway refuses or closes itself: every one counted (<see cref="GatewayStats"/>),
/// logged at most once per reason every <see cref="LogInterval"/> with the number since the previous line (a flood
/// must not flood the log); <see cref="Flush"/> (the sweeper) reports what a flood that stopped left unreported.
/// Thread-safe.
/// </summary>
internal sealed class ConnectionReports
{
    /// <summary>The least time between two log lines of one reason.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly GatewayStats _stats;
    private readonly GatewayConnectionLimits _limits;
    private readonly ILogger<ConnectionReports> _logger;
    private readonly LogThrottle _refusedAtLimit;
    private readonly LogThrottle _refusedAtAddressLimit;
    private readonly Dictionary<ConnectionEnd, LogThrottle> _closed;

    public ConnectionReports(GatewayStats stats, GatewayConnectionLimits limits, TimeProvider time, ILogger<ConnectionReports> logger)
    {
        _stats = stats;
        _limits = limits;
        _logger = logger;
        _refusedAtLimit = new LogThrottle(time, LogInterval);
        _refusedAtAddressLimit = new LogThrottle(time, LogInterval);
        _closed = new Dictionary<ConnectionEnd, LogThrottle>
        {
            [ConnectionEnd.Idle] = new LogThrottle(time, LogInterval),
            [ConnectionEnd.FrameTimeout] = new LogThrottle(time, LogInterval),
            [ConnectionEnd.Noise] = new LogThrottle(time, LogInterval),
        };
    }

    /// <summary>A connection from <paramref name="from"/> was closed as soon as accepted.</summary>
    public void Refused(ConnectionRefusal refusal, EndPoint? from)
    {
        _stats.ConnectionRefused(refusal);
        if (Throttle(refusal).TryEnter(from, out long count))
        {
            LogRefused(refusal, count, from);
        }
    }

    /// <summary>The gateway closed a connection from <paramref name="from"/> (idle, unfinished frame, noise).</summary>
    public void Closed(ConnectionEnd end, EndPoint? from)
    {
        _stats.ClosedByGateway(end);
        if (_closed.TryGetValue(end, out LogThrottle? throttle) && throttle.TryEnter(from, out long count))
        {
            GatewayLog.ClosedByGateway(_logger, count, end, from, LogInterval.TotalSeconds);
        }
    }

    /// <summary>Logs the refusals and closes held back by a flood that has stopped.</summary>
    public void Flush()
    {
        foreach (ConnectionRefusal refusal in (ReadOnlySpan<ConnectionRefusal>)[ConnectionRefusal.Limit, ConnectionRefusal.AddressLimit])
        {
            if (Throttle(refusal).TryFlush(out long count, out EndPoint? latest))
            {
                LogRefused(refusal, count, latest);
            }
        }

        foreach ((ConnectionEnd end, LogThrottle throttle) in _closed)
        {
            if (throttle.TryFlush(out long count, out EndPoint? latest))
            {
                GatewayLog.ClosedByGateway(_logger, count, end, latest, LogInterval.TotalSeconds);
            }
        }
    }

    private LogThrottle Throttle(ConnectionRefusal refusal) => refusal == ConnectionRefusal.Limit ? _refusedAtLimit : _refusedAtAddressLimit;

    private void LogRefused(ConnectionRefusal refusal, long count, EndPoint? latest)
    {
        bool isGlobal = refusal == ConnectionRefusal.Limit;
        GatewayLog.ConnectionsRefused(
            _logger, count, isGlobal ? "connection limit" : "per-address connection limit",
            isGlobal ? _limits.MaxConnections : _limits.MaxConnectionsPerAddress, latest, LogInterval.TotalSeconds);
    }
}
