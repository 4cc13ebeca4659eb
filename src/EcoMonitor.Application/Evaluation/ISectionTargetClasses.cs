using EcoMonitor.Domain;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The target classes set for one year (考核目标, ADR 0040), which override a section's registered
/// <see cref="Station.WaterTargetClass"/> for that year. Implemented by the targets (Application/Targets), so that the
/// water figures need not know how targets are kept.
/// </summary>
public interface ISectionTargetClasses
{
    /// <summary>The class (1..5 = I..V) set for <paramref name="year"/> per section that has one; the others keep the registry's.</summary>
    Task<IReadOnlyDictionary<StationId, int>> ForYearAsync(int year, CancellationToken cancellationToken);
}
