namespace EcoMonitor.Gateway;

/// <summary>Why a station connection was closed as soon as it was accepted (metric tag <c>reason</c> of <c>ecomonitor.gateway.connections.refused</c>).</summary>
internal enum ConnectionRefusal
{
    /// <summary>Admitted.</summary>
    None,

    /// <summary>The gateway already held <see cref="GatewayConnectionLimits.MaxConnections"/> connections.</summary>
    Limit,

    /// <summary>The source address already held <see cref="GatewayConnectionLimits.MaxConnectionsPerAddress"/> connections.</summary>
    AddressLimit,
}
