namespace EcoMonitor.Application.Work;

/// <summary>What <see cref="WorkRunner{TItem}"/> needs of one background consumer (evaluation, quality checks, alarms).</summary>
/// <typeparam name="TItem">The consumer's work item.</typeparam>
internal interface IWorkConsumer<TItem>
    where TItem : notnull
{
    /// <summary>The consumer.</summary>
    WorkKind Kind { get; }

    /// <summary>
    /// True when working on an item reads every stored value of its station-day (a recomputation or recheck of the day):
    /// then a success completes every change of the day committed before it. False when an item covers only some values
    /// (an alarm item covers one period): a success completes only the versions its commits produced.
    /// </summary>
    bool CoversWholeDay { get; }

    /// <summary>Items worked on in one call at most (a station-day's items are never split).</summary>
    int ChunkSize { get; }

    /// <summary>The station-day an item belongs to.</summary>
    WorkDay DayOf(TItem item);

    /// <summary>The items of a whole station-day, rebuilt from what the store holds (work another process committed or left).</summary>
    Task<IReadOnlyList<TItem>> RecoverAsync(WorkDay day, CancellationToken cancellationToken);

    /// <summary>Works on <paramref name="items"/>; throws when any of them fails (the runner then finds which).</summary>
    Task ProcessAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken);
}
