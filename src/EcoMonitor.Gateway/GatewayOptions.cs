using System.ComponentModel.DataAnnotations;
using EcoMonitor.Application.Security;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Gateway;

/// <summary>The HJ 212 TCP listener's settings (section <c>Gateway</c>; docs/deploy.md "Hardening: the HJ 212 port").</summary>
public sealed class GatewayOptions : IValidatableObject
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

    /// <summary>
    /// A connection that completes no frame for this long is closed. Only whole frames (## … CRLF) reset it: noise and
    /// the bytes of an unfinished frame do not.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Once a frame's <c>##</c> has arrived, the rest of the frame must arrive within this time, else the connection is
    /// closed (a slow sender holding a connection with a trickle of bytes). A real logger sends a frame in one burst.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FrameTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Bytes that belong to no frame (before a <c>##</c>) accepted since the connection's last whole frame; beyond it
    /// the connection is closed. Line noise and modem chatter stay far below it.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxNoiseBytes { get; set; } = 64 * 1024;

    /// <summary>How long the sub-packets of one message (same MN + QN) may take to arrive before the message is reported incomplete.</summary>
    public TimeSpan SubPacketTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Frames of one connection submitted but not yet acknowledged; reading pauses when reached.</summary>
    [Range(1, 4096)]
    public int MaxInFlightPerConnection { get; set; } = 32;

    /// <summary>
    /// Station connections held at once; a connection beyond it is closed as soon as it is accepted. Null: derived from
    /// the process's file-handle limit minus <see cref="ReservedFileHandles"/>, at most 100,000
    /// (<see cref="GatewayConnectionLimits"/>). A value above what the file-handle limit allows is lowered to it.
    /// </summary>
    [Range(1, 10_000_000)]
    public int? MaxConnections { get; set; }

    /// <summary>
    /// Station connections held at once from one source address (an IPv4 address, or the /64 prefix of an IPv6 one).
    /// Null: one twentieth of <see cref="MaxConnections"/>, at least 32. Behind a NAT, a VPN concentrator or a TCP
    /// balancer that hides the stations' addresses, raise it to <see cref="MaxConnections"/>.
    /// </summary>
    [Range(1, 10_000_000)]
    public int? MaxConnectionsPerAddress { get; set; }

    /// <summary>
    /// File handles kept free of station connections, for HTTP, the database, log and data files and the runtime. Null:
    /// a quarter of the file-handle limit, but at least 1,024 or half the limit, whichever is less.
    /// </summary>
    [Range(0, 10_000_000)]
    public int? ReservedFileHandles { get; set; }

    /// <summary>
    /// How long after its last right password a source address is remembered as that station's own: its frames for that
    /// MN skip the password backoff, so guessing from elsewhere does not lock the right station out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AuthenticatedAddressMemory { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Backoff of wrong station passwords (section <c>Gateway:PasswordBackoff</c>), kept per source address and per MN:
    /// after <see cref="FailureBackoffOptions.FreeFailures"/> failures of a key, each password check of that key waits
    /// its turn (<see cref="FailureBackoff"/>) before the password is compared.
    /// </summary>
    [ValidateObjectMembers]
    public FailureBackoffOptions PasswordBackoff { get; set; } = new();

    /// <summary>The window of believable <c>DataTime</c> values (section <c>Gateway:DataTime</c>).</summary>
    [ValidateObjectMembers]
    public GatewayDataTimeOptions DataTime { get; set; } = new();

    /// <summary>How much of the rejected traffic of one source is archived (section <c>Gateway:RejectedArchive</c>).</summary>
    [ValidateObjectMembers]
    public GatewayRejectedArchiveOptions RejectedArchive { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PasswordBackoff.Problem() is { } problem)
        {
            yield return new ValidationResult("Gateway:PasswordBackoff: " + problem, [nameof(PasswordBackoff)]);
        }
    }
}
