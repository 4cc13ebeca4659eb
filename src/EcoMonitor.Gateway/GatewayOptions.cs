using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Gateway;

/// <summary>The HJ 212 TCP listener's settings (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Gateway";

    /// <summary>False to run the host without the TCP listener.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>TCP port the data loggers connect to.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 9212;

    /// <summary>
    /// Largest whole frame accepted (## … CRLF), in bytes. HJ 212-2017 limits the data segment to 1024 bytes, but
    /// deployed loggers send longer frames, so the default leaves room; a longer frame is rejected without buffering it.
    /// </summary>
    [Range(64, 65536)]
    public int MaxFrameBytes { get; set; } = 4096;

    /// <summary>A connection that sends nothing for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the sub-packets of one message (same MN + QN) may take to arrive before the message is reported incomplete.</summary>
    public TimeSpan SubPacketTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Frames of one connection submitted but not yet acknowledged; reading pauses when reached.</summary>
    [Range(1, 4096)]
    public int MaxInFlightPerConnection { get; set; } = 32;
}
