using System.Collections.Frozen;
using EcoMonitor.Application.Audit;
using EcoMonitor.Domain;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// The in-memory view of the station registry that the gateway consults for every frame. Thread safety: readers
/// take the current snapshot (an immutable <see cref="FrozenDictionary{TKey, TValue}"/>) through one volatile read
/// and never lock; writers (<see cref="LoadAsync"/>, <c>UpsertAsync</c>) are serialised by a semaphore, write
/// the store first and only then publish a new snapshot with one reference assignment. A reader therefore sees
/// either the old or the new registry, never a mix, and never a station the store does not hold. The snapshot is
/// keyed by the MN string with ordinal comparison so that the frozen dictionary can use its string-specialised
/// lookup (measured ≈15-23 ns per hit against ≈70-130 ns keyed by <see cref="StationId"/>, 219 stations).
/// With an <see cref="IAuditTrail"/>, every station an upsert adds or changes is recorded in the audit trail (before and
/// after, never the password) right after the store write; stations written again unchanged are not.
/// Passwords are stored hashed only (<see cref="StationPassword"/>): an upsert hashes each plain password, except that a
/// plain password equal to the stored one keeps the stored hash (a re-seeded file changes nothing); loading hashes any
/// password an older version stored in clear and writes it back.
/// </summary>
public sealed class StationRegistry : IDisposable
{
    private readonly IStationStore _store;
    private readonly IAuditTrail? _audit;
    private readonly int _iterations = new RegistryOptions().PasswordHashIterations;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile FrozenDictionary<string, Station> _snapshot = FrozenDictionary<string, Station>.Empty;

    /// <summary>Creates an empty registry over <paramref name="store"/>; call <see cref="LoadAsync"/> at start-up.</summary>
    public StationRegistry(IStationStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>
    /// Creates an empty registry over <paramref name="store"/> that records its changes in <paramref name="audit"/> and
    /// hashes passwords with <see cref="RegistryOptions.PasswordHashIterations"/>.
    /// </summary>
    public StationRegistry(IStationStore store, IAuditTrail audit, IOptions<RegistryOptions> options)
        : this(store)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(options);
        _audit = audit;
        _iterations = options.Value.PasswordHashIterations;
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

    /// <summary>
    /// Replaces the snapshot with every station the store holds: at start-up, when another node changed the stations
    /// (<c>Configuration.ConfigurationChangeWorker</c>), and before the gateway refuses an unknown MN.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            IReadOnlyList<Station> stations = await _store.ListAsync(cancellationToken);
            Station[] plain = [.. stations.Where(s => !s.Password.IsHashed)];
            if (plain.Length > 0)
            {
                // Written in clear by a version before hashing: hash them now, so no password stays in clear.
                Station[] hashed = Hash(plain, old: null);
                await _store.UpsertAsync(hashed, cancellationToken);
                await RecordAsync([.. hashed.Select(h => new AuditRecord(AuditActors.PasswordHashing, "station.password-hashed", "station", h.Id.Value))], cancellationToken);
                stations = [.. stations.Where(s => s.Password.IsHashed), .. hashed];
            }

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
    public Task<int> UpsertAsync(IReadOnlyList<Station> stations, CancellationToken cancellationToken) =>
        UpsertAsync(stations, AuditActors.Unattributed, null, cancellationToken);

    /// <summary>
    /// As <see cref="UpsertAsync(IReadOnlyList{Station}, CancellationToken)"/>, recording each added or changed station in
    /// the audit trail as done by <paramref name="actor"/> for <paramref name="reason"/>. A failed audit write propagates
    /// (the stations are then stored but the caller learns that their trail is missing).
    /// </summary>
    public async Task<int> UpsertAsync(IReadOnlyList<Station> stations, string actor, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stations);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            stations = Hash(stations, _snapshot);
            int added = await _store.UpsertAsync(stations, cancellationToken);
            var next = new Dictionary<string, Station>(_snapshot, StringComparer.Ordinal);
            foreach (Station station in stations)
            {
                next[station.Id.Value] = station;
            }

            List<AuditRecord> changes = Changes(_snapshot, next, stations, actor, reason);
            _snapshot = next.ToFrozenDictionary(StringComparer.Ordinal);
            await RecordAsync(changes, cancellationToken);
            return added;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// The stations with hashed passwords: a plain password that matches the stored one keeps the stored hash, any other
    /// is hashed with a new salt. Derivations run on all cores (a seeded file of hundreds of stations).
    /// </summary>
    private Station[] Hash(IReadOnlyList<Station> stations, FrozenDictionary<string, Station>? old)
    {
        var result = new Station[stations.Count];
        Parallel.For(0, stations.Count, i =>
        {
            Station station = stations[i];
            StationPassword? stored = old is not null && old.TryGetValue(station.Id.Value, out Station? known) ? known.Password : null;
            result[i] = station.Password.IsHashed ? station
                : station with { Password = stored is not null && stored.Matches(station.Password) ? stored : station.Password.Hash(_iterations) };
        });
        return result;
    }

    private async Task RecordAsync(List<AuditRecord> records, CancellationToken cancellationToken)
    {
        if (_audit is not null && records.Count > 0)
        {
            await _audit.RecordAsync(records, cancellationToken);
        }
    }

    private static List<AuditRecord> Changes(
        FrozenDictionary<string, Station> before, Dictionary<string, Station> after, IReadOnlyList<Station> written, string actor, string? reason)
    {
        var changes = new List<AuditRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Station station in written)
        {
            if (!seen.Add(station.Id.Value))
            {
                continue;
            }

            Station now = after[station.Id.Value];
            Station? old = before.GetValueOrDefault(station.Id.Value);
            if (now.Equals(old))
            {
                continue;
            }

            bool passwordChanged = old is null || old.Password != now.Password;
            changes.Add(new AuditRecord(actor, old is null ? "station.registered" : "station.changed", "station", now.Id.Value)
            {
                Before = old is null ? null : AuditJson.Serialize(StationAuditView.Of(old, false)),
                After = AuditJson.Serialize(StationAuditView.Of(now, passwordChanged)),
                Reason = reason,
            });
        }

        return changes;
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
