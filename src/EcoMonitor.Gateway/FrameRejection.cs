namespace EcoMonitor.Gateway;

/// <summary>
/// Why the gateway refused a frame that decoded (the codec's own reasons are <see cref="Protocol.Hj212.Hj212Error"/>).
/// The name is the archived <c>reason</c>, the <c>result</c> tag of <c>ecomonitor.gateway.frames</c> and the key of
/// <c>rejectionsByReason</c> in the ingest statistics; ADR 0004 gives each one's answer.
/// </summary>
internal enum FrameRejection
{
    /// <summary>No station with the frame's MN is registered (QnRtn 4).</summary>
    UnknownStation,

    /// <summary>The station is registered but inactive (QnRtn 2).</summary>
    StationInactive,

    /// <summary>The PW is not the station's password (QnRtn 3).</summary>
    WrongPassword,

    /// <summary>A data frame with no DataTime of its own or of its message (QnRtn 100 when asked).</summary>
    MissingDataTime,

    /// <summary>A data frame whose DataTime lies outside <see cref="GatewayDataTimeOptions"/> (QnRtn 2 when asked).</summary>
    DataTimeOutOfRange,
}
