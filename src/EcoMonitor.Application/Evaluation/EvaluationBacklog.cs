using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The dirty station-days waiting for <see cref="EvaluationWorker"/> on this node, filled by committed observations
/// (the fast signal; the same work is pending in the store, <see cref="IPendingWorkStore"/>). Coalescing: a station-day
/// is held once however many of its hours arrive, so memory is bounded by the distinct station-days touched between
/// two recomputations (live data: about one per station). <see cref="OnCommitted"/> never blocks beyond a short lock
/// and never throws on data. Thread-safe (<see cref="PendingWork{TItem}"/>).
/// </summary>
public sealed class EvaluationBacklog : IObservationCommitListener, IReviewDecisionListener
{
    /// <summary>The worker's queue on this node.</summary>
    public PendingWork<StationDay> Queue { get; } = new(WorkKind.Evaluation);

    /// <summary>Station-days waiting.</summary>
    public int PendingCount => Queue.Count;

    /// <inheritdoc />
    public void OnCommitted(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome>? outcomes, IReadOnlyList<DayChange> changes)
    {
        ArgumentNullException.ThrowIfNull(observations);
        List<StationDay> days = [];
        for (int i = 0; i < observations.Count; i++)
        {
            if (CommitOutcomes.IsChanged(outcomes, i) && IsEvaluated(observations[i]))
            {
                // Never throws: a period the calendar cannot hold counts on the nearest day (whose work then fails and is set aside).
                var day = new StationDay(observations[i].Station, WorkDay.DayOf(observations[i].PeriodStart));
                if (days.Count == 0 || days[^1] != day)
                {
                    days.Add(day);
                }
            }
        }

        Queue.Add(days, changes);
    }

    /// <summary>Adds station-days directly.</summary>
    public void Enqueue(IEnumerable<StationDay> stationDays) => Queue.Enqueue(stationDays);

    /// <summary>Review decisions on hourly values change which values count: the days they cover are evaluated again.</summary>
    public void OnDecided(IReadOnlyList<ReviewDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        Queue.Enqueue(decisions.Where(d => d.Interval == ObservationInterval.Hour).SelectMany(Days).Distinct());
    }

    /// <summary>True when a value of <paramref name="observation"/> takes part in an evaluation (an hourly air or surface-water value).</summary>
    public static bool IsEvaluated(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.Interval == ObservationInterval.Hour
            && (AirParameters.TryGet(observation.Parameter, out AirPollutant _) || WaterParameters.Items.ContainsKey(observation.Parameter));
    }

    private static IEnumerable<StationDay> Days(ReviewDecision d)
    {
        LocalDate first = ChinaTime.ToLocal(d.Periods.Start).Date;
        LocalDate last = ChinaTime.ToLocal(d.Periods.End - Duration.FromMilliseconds(1)).Date;
        for (LocalDate day = first; day <= last; day = day.PlusDays(1))
        {
            yield return new StationDay(d.Station, day);
        }
    }
}
