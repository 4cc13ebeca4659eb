using EcoMonitor.Application.Ingest;

namespace EcoMonitor.Gateway;

/// <summary>
/// What to do with one received frame: the item to make durable (every frame is archived, unless its source exceeded
/// its rate of rejected frames) and the reply to send once it is durable, if any — or, for a frame whose password
/// check must wait its turn (<see cref="StationPasswordGuard"/>), how long to wait before deciding it again, or, for a frame of
/// an MN the registry does not know, the registry refresh to wait for (<see cref="UnknownStationRefresh"/>).
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

    /// <summary>The registry refresh to wait for before deciding again a frame of an unknown MN (<see cref="UnknownStationRefresh"/>), or null.</summary>
    public Task? RegistryRefresh { get; private init; }

    /// <summary>
    /// True when the frame is not decided yet: wait <see cref="Wait"/> (then decide it again with <see cref="Turn"/>) or for
    /// <see cref="RegistryRefresh"/> (then decide it again knowing that the registry was read again).
    /// </summary>
    public bool IsDeferred => Wait > TimeSpan.Zero || RegistryRefresh is not null;

    /// <summary>A frame to decide again after <paramref name="wait"/>, having waited for <paramref name="turn"/>.</summary>
    public static FrameDecision Deferred(TimeSpan wait, PasswordTurn turn) => new(null, null, false) { Wait = wait, Turn = turn };

    /// <summary>A frame of an unknown MN to decide again once <paramref name="refresh"/> has read the registry again.</summary>
    public static FrameDecision AfterRegistryRefresh(Task refresh) => new(null, null, false) { RegistryRefresh = refresh };
}
