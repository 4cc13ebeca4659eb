using EcoMonitor.Application.Ingest;

namespace EcoMonitor.Gateway;

/// <summary>A submitted frame whose reply waits for its durable commit.</summary>
/// <param name="Receipt">Completes when the frame's item is durable; faults when it could not be stored.</param>
/// <param name="Decision">What was decided for the frame, with the reply to send.</param>
internal readonly record struct PendingReply(Task<IngestReceipt> Receipt, FrameDecision Decision);
