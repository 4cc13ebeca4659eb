using EcoMonitor.Application.Storage;

namespace EcoMonitor.Application.Ingest;

/// <summary>What storing one <see cref="IngestItem"/> did. Exists only once the item is durable.</summary>
/// <param name="Outcome">The outcome the frame was archived with (a resend of a known packet becomes <see cref="RawFrameOutcome.Duplicate"/>).</param>
/// <param name="Appended">What the item's observations did (all zero for a duplicate or a frame without data).</param>
public readonly record struct IngestReceipt(RawFrameOutcome Outcome, AppendResult Appended)
{
    /// <summary>True when the packet (MN + QN + PNO) had already been stored: acknowledge it again, nothing new was stored.</summary>
    public bool IsDuplicate => Outcome == RawFrameOutcome.Duplicate;
}
