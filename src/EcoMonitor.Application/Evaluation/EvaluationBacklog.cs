using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The dirty station-days waiting for <see cref="EvaluationWorker"/>, filled by committed observations. Coalescing:
/// a station-day is held once however many of its hours arrive, so memory is bounded by the distinct station-days
/// touched between two recomputations (live data: about one per station). <see cref="OnCommitted"/> never blocks
/// beyond a short lock and never throws on data. Thread-safe (<see cref="PendingWork{T}"/>).
/// </summary>
public sealed class EvaluationBacklog : IObservationCommitListener
{
    private readonly PendingWork<StationDay> _pending = new();

    /// <summary>Station-days waiting.</summary>
    public int PendingCount => _pending.Count;

    /// <inheritdoc />
    public void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes)
    {
        ArgumentNullException.ThrowIfNull(observations);
        for (int i = 0; i < observations.Count; i++)
        {
            Observation o = observations[i];
            if (CommitOutcomes.IsChanged(outcomes, i) && o.Interval == ObservationInterval.Hour
                && (AirParameters.TryGet(o.Parameter, out AirPollutant _) || WaterParameters.Items.ContainsKey(o.Parameter)))
            {
                _pending.Add(StationDay.Of(o.Station, o.PeriodStart));
            }
        }
    }

    /// <summary>Adds station-days directly (e.g. a catch-up or a retry after a failed recomputation).</summary>
    public void Enqueue(IEnumerable<StationDay> stationDays) => _pending.AddRange(stationDays);

    /// <summary>Waits until something is pending, then takes everything pending (the queue is left empty).</summary>
    public Task<IReadOnlyList<StationDay>> TakeAllAsync(CancellationToken cancellationToken) => _pending.TakeAllAsync(cancellationToken);
}
