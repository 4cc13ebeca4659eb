namespace EcoMonitor.Application.Storage;

/// <summary>What became of a received frame.</summary>
public enum RawFrameOutcome
{
    /// <summary>Decoded and authenticated; its data (if any) were stored.</summary>
    Accepted,
    /// <summary>A resend of a packet already stored (same MN + QN + PNO); nothing new was stored.</summary>
    Duplicate,
    /// <summary>Not decodable, not authenticated or not acceptable; <see cref="RawFrame.Reason"/> says why.</summary>
    Rejected,
}
