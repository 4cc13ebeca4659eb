using EcoMonitor.Application.Ingest;

namespace EcoMonitor.Gateway;

/// <summary>
/// What to do with one received frame: the item to make durable (always — every frame is archived) and the reply to
/// send once it is durable, if any.
/// </summary>
/// <param name="Item">Frame, observations and packet identity to commit.</param>
/// <param name="Reply">Bytes to send after the commit, or null.</param>
/// <param name="IsDataAck">True when the reply is a 9014 data acknowledgement (counted separately from rejections).</param>
internal readonly record struct FrameDecision(IngestItem Item, byte[]? Reply, bool IsDataAck);
