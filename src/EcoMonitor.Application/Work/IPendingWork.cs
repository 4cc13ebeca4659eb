namespace EcoMonitor.Application.Work;

/// <summary>A consumer's in-memory queue on this node, as the API sees it (the set-aside retry hands work back through it).</summary>
public interface IPendingWork
{
    /// <summary>The consumer.</summary>
    WorkKind Kind { get; }

    /// <summary>Items and whole station-days waiting on this node.</summary>
    int Count { get; }

    /// <summary>Queues a whole station-day to be worked on again from what the store holds (its items rebuilt from the stored values).</summary>
    void Replay(PendingDay day);
}
