using EcoMonitor.Application.Ingest;

namespace EcoMonitor.Gateway;

/// <summary>
/// What to do with one received frame: the item to make durable (every frame is archived, unless its source exceeded
/// its rate of rejected frames) and the reply to send once it is durable, if any — or, for a frame whose password
/// check must wait its turn (<see cref="StationPasswordGuard"/>), how long to wait before deciding it again.
/// </summary>
/// <param name="Item">Frame, observations and packet identity to commit; null when nothing is to be stored.</param>
/// <param name="Reply">Bytes to send after the commit, or null.</param>
/// <param name="IsDataAck">True when the reply is a 9014 data acknowledgement (counted separately from rejections).</param>
internal readonly record struct FrameDecision(IngestItem? Item, byte[]? Reply, bool IsDataAck)
{
    /// <summary>How long to wait before deciding the frame again (zero for a decided frame).</summary>
    public TimeSpan Wait { get; private init; }

    /// <summary>The turn waited for, to decide the frame again with.</summary>
    public PasswordTurn Turn { get; private init; }

    /// <summary>True when the frame is not decided yet: wait <see cref="Wait"/>, then decide it again with <see cref="Turn"/>.</summary>
    public bool IsDeferred => Wait > TimeSpan.Zero;

    /// <summary>A frame to decide again after <paramref name="wait"/>, having waited for <paramref name="turn"/>.</summary>
    public static FrameDecision Deferred(TimeSpan wait, PasswordTurn turn) => new(null, null, false) { Wait = wait, Turn = turn };
}
