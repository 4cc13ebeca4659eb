namespace EcoMonitor.Gateway;

/// <summary>How a station connection ended (metric tag <c>reason</c> of <c>ecomonitor.gateway.connections.closed</c> when the gateway closed it).</summary>
internal enum ConnectionEnd
{
    /// <summary>The station closed it, or the host is stopping.</summary>
    Peer,

    /// <summary>No whole frame within <see cref="GatewayOptions.IdleTimeout"/>.</summary>
    Idle,

    /// <summary>A started frame (its <c>##</c> arrived) not completed within <see cref="GatewayOptions.FrameTimeout"/>.</summary>
    FrameTimeout,

    /// <summary>More than <see cref="GatewayOptions.MaxNoiseBytes"/> outside frames since the last whole frame.</summary>
    Noise,
}
