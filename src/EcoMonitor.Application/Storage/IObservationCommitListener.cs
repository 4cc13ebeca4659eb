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
    /// did, or is null when unknown (then every observation counts as changed). The lists may be reused after the call.
    /// </summary>
    void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes);
}
