namespace EcoMonitor.Application.Work;

/// <summary>Whose failure an exception of background work is (<see cref="WorkErrors.Classify"/>).</summary>
internal enum WorkFailureCause
{
    /// <summary>The item's own: counted as an attempt, set aside after repeated attempts.</summary>
    Item,

    /// <summary>The store's: nothing is counted; the work stays pending and is retried with a back-off.</summary>
    Store,

    /// <summary>A database error that may be either: the item's when other items of the same pass succeed, else the store's.</summary>
    StoreOrItem,
}
