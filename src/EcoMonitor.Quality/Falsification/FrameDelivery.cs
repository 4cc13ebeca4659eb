using NodaTime;

namespace EcoMonitor.Quality;

/// <summary>One received frame of an outlet as the timing signs need it.</summary>
/// <param name="ReceivedAt">When the frame was received.</param>
/// <param name="RequestNumber">Its QN, when it had one.</param>
/// <param name="Fingerprint">A digest of the frame's bytes: a retransmission is byte-identical, a different frame is not.</param>
public sealed record FrameDelivery(Instant ReceivedAt, string? RequestNumber, string Fingerprint);
