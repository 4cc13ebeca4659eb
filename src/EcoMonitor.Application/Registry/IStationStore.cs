using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// The station registry's durable store. Implementations are thread-safe. Part of the store contract every
/// engine implements (SQLite, PostgreSQL) and the conformance suite checks.
/// </summary>
public interface IStationStore
{
    /// <summary>The station with this MN, or null.</summary>
    Task<Station?> GetAsync(StationId id, CancellationToken cancellationToken);

    /// <summary>All stations ordered by MN (ordinal).</summary>
    Task<IReadOnlyList<Station>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces stations by MN in one transaction; returns how many were new.</summary>
    Task<int> UpsertAsync(IReadOnlyList<Station> stations, CancellationToken cancellationToken);
}
