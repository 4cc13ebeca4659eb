namespace EcoMonitor.Gateway;

/// <summary>Texts of <see cref="ConnectionEnd"/>.</summary>
internal static class ConnectionEndText
{
    /// <summary>The metric tag and log text.</summary>
    public static string Tag(this ConnectionEnd end) => end switch
    {
        ConnectionEnd.Peer => "peer",
        ConnectionEnd.Idle => "idle",
        ConnectionEnd.FrameTimeout => "frame_timeout",
        ConnectionEnd.Noise => "noise",
    };
}
