using System.Collections.Frozen;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// The in-memory view of the station registry that the gateway consults for every frame. Thread safety: readers
/// take the current snapshot (an immutable <see cref="FrozenDictionary{TKey, TValue}"/>) through one volatile read
/// and never lock; writers (<see cref="LoadAsync"/>, <see cref="UpsertAsync"/>) are serialised by a semaphore, write
/// the store first and only then publish a new snapshot with one reference assignment. A reader therefore sees
/// either the old or the new registry, never a mix, and never a station the store does not hold. The snapshot is
/// keyed by the MN string with ordinal comparison so that the frozen dictionary can use its string-specialised
/// lookup (measured ≈15-23 ns per hit against ≈70-130 ns keyed by <see cref="StationId"/>, 219 stations).
/// </summary>
public sealed class StationRegistry : IDisposable
{
    private readonly IStationStore _store;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile FrozenDictionary<string, Station> _snapshot = FrozenDictionary<string, Station>.Empty;

    /// <summary>Creates an empty registry over <paramref name="store"/>; call <see cref="LoadAsync"/> at start-up.</summary>
    public StationRegistry(IStationStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Number of stations in the current snapshot.</summary>
    public int Count => _snapshot.Count;

    /// <summary>The stations of the current snapshot: immutable, safe to enumerate while the registry changes.</summary>
    public IReadOnlyCollection<Station> Stations => _snapshot.Values;

    /// <summary>Finds a station by MN in the current snapshot. Allocation-free; never blocks.</summary>
    public bool TryGet(StationId id, out Station station)
    {
        if (id.Value is null)
        {
            station = null!;
            return false;
        }

        return _snapshot.TryGetValue(id.Value, out station!);
    }

    /// <summary>Replaces the snapshot with every station the store holds.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            IReadOnlyList<Station> stations = await _store.ListAsync(cancellationToken);
            _snapshot = Freeze(stations);
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
            var next = new Dictionary<string, Station>(_snapshot, StringComparer.Ordinal);
            foreach (Station station in stations)
            {
                next[station.Id.Value] = station;
            }

            _snapshot = next.ToFrozenDictionary(StringComparer.Ordinal);
            return added;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static FrozenDictionary<string, Station> Freeze(IReadOnlyList<Station> stations)
    {
        var byMn = new Dictionary<string, Station>(stations.Count, StringComparer.Ordinal);
        foreach (Station station in stations)
        {
            byMn[station.Id.Value] = station;
        }

        return byMn.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose() => _writeGate.Dispose();
}
