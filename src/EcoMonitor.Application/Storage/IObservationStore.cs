using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Storage;

/// <summary>
/// Durable observations keyed by station + parameter + interval + period start. Appending is idempotent: the same
/// payload again changes nothing; a different payload becomes the current revision and the earlier one moves to
/// history, never overwritten. Every append also records the station-days it changed as pending background work, in
/// its own transaction (<see cref="IPendingWorkStore"/>). Implementations are thread-safe; a completed append is durable.
/// </summary>
public interface IObservationStore
{
    /// <summary>Appends observations in one transaction and says what each one did.</summary>
    Task<AppendResult> AppendAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="AppendAsync(IReadOnlyList{Observation}, CancellationToken)"/>, and adds to <paramref name="changes"/>
    /// what the append did to the pending rows of the station-days it changed (for the commit listeners) and, when
    /// <paramref name="outcomes"/> (empty) is given, what it did to each observation, in order (for the import's audit entry).
    /// Neither list is added to when the append fails.
    /// </summary>
    Task<AppendResult> AppendAsync(
        IReadOnlyList<Observation> observations, List<DayChange> changes, List<AppendOutcome>? outcomes, CancellationToken cancellationToken);

    /// <summary>
    /// Current revisions of one station in [from, to) by period start, for the given interval and parameters
    /// (all parameters when the list is empty), ordered by period start then parameter code.
    /// </summary>
    Task<IReadOnlyList<Observation>> QueryAsync(ObservationQuery query, CancellationToken cancellationToken);

    /// <summary>For each parameter and interval of the station, its current observation with the latest period start.</summary>
    Task<IReadOnlyList<Observation>> LatestAsync(StationId station, CancellationToken cancellationToken);

    /// <summary>Every revision of one key, oldest first; the last is the current one. Empty when the key is unknown.</summary>
    Task<IReadOnlyList<ObservationRevision>> HistoryAsync(ObservationKey key, CancellationToken cancellationToken);
}
