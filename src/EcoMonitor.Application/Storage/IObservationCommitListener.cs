using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Storage;

/// <summary>
/// Hears about observations right after they were durably committed (by the ingest writer and by imports), so that
/// derived data (evaluations) can be recomputed. Implementations must return quickly, never block and never throw:
/// the caller is on the ingest path.
/// </summary>
public interface IObservationCommitListener
{
    /// <summary>
    /// <paramref name="observations"/> were committed; <paramref name="outcomes"/> (same order) says what each append
    /// did, or is null when unknown (then every observation counts as changed); <paramref name="changes"/> are the
    /// station-days the commit recorded as pending work with their new versions (<see cref="IPendingWorkStore"/>), which a
    /// worker marks completed once it has worked on them (empty: none known, the store's sweep finds them). The lists may
    /// be reused after the call.
    /// </summary>
    void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes, IReadOnlyList<DayChange> changes);
}
