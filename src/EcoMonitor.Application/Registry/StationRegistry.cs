using System.Collections.Frozen;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// The in-memory view of the station registry that the gateway consults for every frame. Thread safety: readers
/// take the current snapshot (an immutable <see cref="FrozenDictionary{TKey, TValue}"/>) through one volatile read
/// and never lock; writers (<see cref="LoadAsync"/>, <see cref="UpsertAsync"/>) are serialised by a semaphore, write
/// the store first and only then publish a new snapshot with one reference assignment. A reader therefore sees
/// either the old or the new registry, never a mix, and never a station the store does not hold.
/// </summary>
public sealed class StationRegistry : IDisposable
{
    private readonly IStationStore _store;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile FrozenDictionary<StationId, Station> _snapshot = FrozenDictionary<StationId, Station>.Empty;

    /// <summary>Creates an empty registry over <paramref name="store"/>; call <see cref="LoadAsync"/> at start-up.</summary>
    public StationRegistry(IStationStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Number of stations in the current snapshot.</summary>
    public int Count => _snapshot.Count;

    /// <summary>The current snapshot: immutable, safe to enumerate while the registry changes.</summary>
    public IReadOnlyDictionary<StationId, Station> Snapshot => _snapshot;

    /// <summary>Finds a station by MN in the current snapshot. Allocation-free; never blocks.</summary>
    public bool TryGet(StationId id, out Station station) => _snapshot.TryGetValue(id, out station!);

    /// <summary>Replaces the snapshot with every station the store holds.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            IReadOnlyList<Station> stations = await _store.ListAsync(cancellationToken);
            _snapshot = stations.ToFrozenDictionary(s => s.Id);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Inserts or replaces <paramref name="stations"/> (by MN) in the store, then publishes a snapshot holding them.
    /// When the store write fails the snapshot is unchanged and the exception propagates. Returns how many were new
    /// to the store. Within one call a later station with the same MN wins, as in the store.
    /// </summary>
    public async Task<int> UpsertAsync(IReadOnlyList<Station> stations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stations);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            int added = await _store.UpsertAsync(stations, cancellationToken);
            var next = new Dictionary<StationId, Station>(_snapshot);
            foreach (Station station in stations)
            {
                next[station.Id] = station;
            }

            _snapshot = next.ToFrozenDictionary();
            return added;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writeGate.Dispose();
}
