using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// The automatic checks' findings stored with the values they are about, and what each evaluation excluded. Derived
/// data: a recheck replaces the findings of the range it covered. Implementations are thread-safe; a completed write
/// is durable.
/// </summary>
public interface IQualityStore
{
    /// <summary>
    /// Replaces, in one transaction, for each of <paramref name="replacements"/> every stored finding of its station,
    /// interval and range by its findings (which must lie in the range; otherwise nothing is written).
    /// </summary>
    Task ReplaceFindingsAsync(IReadOnlyList<FindingsReplacement> replacements, CancellationToken cancellationToken);

    /// <summary>Findings of one station's values with period start in <paramref name="periods"/>, by period start, parameter, rule; at least <paramref name="minimum"/> severe.</summary>
    Task<IReadOnlyList<QualityFinding>> QueryFindingsAsync(StationId station, ObservationInterval interval, Interval periods, QualitySeverity minimum, CancellationToken cancellationToken);

    /// <summary>Replaces, in one transaction, what the evaluations of these station-days excluded (an empty dictionary: nothing).</summary>
    Task SaveExclusionsAsync(IReadOnlyList<EvaluationExclusions> exclusions, CancellationToken cancellationToken);

    /// <summary>What the evaluations of the station's days in [firstDay, lastDay] excluded, per day (days without exclusions omitted).</summary>
    Task<IReadOnlyList<EvaluationExclusions>> QueryExclusionsAsync(StationId station, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken);
}
