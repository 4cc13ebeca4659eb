using NodaTime;

namespace EcoMonitor.Application.Storage;

/// <summary>
/// One received frame exactly as it came off the wire, with when and from where, and what decoding made of it.
/// Archived for every frame, including rejected ones, before anything else is done with its data.
/// </summary>
public sealed record RawFrame
{
    /// <summary>Store-assigned id, 0 before it is archived.</summary>
    public long Id { get; init; }

    /// <summary>When the last byte of the frame was received.</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>Remote endpoint, e.g. <c>10.1.2.3:50211</c>; "import" or "api" for non-TCP sources.</summary>
    public required string Peer { get; init; }

    /// <summary>The MN the frame claims, when it could be read (even if unknown or invalid), else null.</summary>
    public string? StationId { get; init; }

    /// <summary>The command code (CN) when it could be read.</summary>
    public string? CommandCode { get; init; }

    /// <summary>The request number (QN) when it could be read.</summary>
    public string? RequestNumber { get; init; }

    /// <summary>The bytes as received, from <c>##</c> through the CRLF (or as much as arrived).</summary>
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>Accepted, duplicate or rejected.</summary>
    public required RawFrameOutcome Outcome { get; init; }

    /// <summary>Machine-readable reason of a rejection (e.g. <c>CrcMismatch</c>, <c>UnknownStation</c>), else null.</summary>
    public string? Reason { get; init; }
}
