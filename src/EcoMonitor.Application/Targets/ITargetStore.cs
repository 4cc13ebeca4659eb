using EcoMonitor.Domain;

namespace EcoMonitor.Application.Targets;

/// <summary>
/// The assessment targets (<see cref="RegionTargets"/>): one row per region and year. Part of the store contract
/// (migration 25 in each engine); thread-safe; a completed write is durable.
/// </summary>
public interface ITargetStore
{
    /// <summary>Inserts or replaces the targets of their region and year; returns those it replaced, if any.</summary>
    Task<RegionTargets?> PutAsync(RegionTargets targets, CancellationToken cancellationToken);

    /// <summary>Removes the targets of <paramref name="region"/> for <paramref name="year"/>; returns them, or null when there were none.</summary>
    Task<RegionTargets?> DeleteAsync(RegionCode region, int year, CancellationToken cancellationToken);

    /// <summary>
    /// The targets of <paramref name="year"/> of the regions whose code starts with <paramref name="regionPrefix"/>
    /// (null: every region), ordered by region code.
    /// </summary>
    Task<IReadOnlyList<RegionTargets>> ListAsync(int year, string? regionPrefix, CancellationToken cancellationToken);
}
