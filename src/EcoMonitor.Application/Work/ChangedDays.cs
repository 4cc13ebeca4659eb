using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Work;

/// <summary>
/// The station-days an append changed, for the stores to record as pending work in the append's transaction: few per
/// batch (a batch of thousands of values from hundreds of stations touches a few hundred station-days), so a store
/// writes one row per day, not per value. Pure; not thread-safe (callers own the collections).
/// </summary>
public static class ChangedDays
{
    /// <summary>
    /// Adds to <paramref name="days"/> (distinct, in order of first appearance; <paramref name="seen"/> holds the same)
    /// the day of each observation that <paramref name="outcomes"/> (same order) says was inserted or revised.
    /// </summary>
    public static void Collect(IReadOnlyList<Observation> observations, IReadOnlyList<AppendOutcome> outcomes, List<WorkDay> days, HashSet<WorkDay> seen)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(seen);
        WorkDay previous = default;
        Instant previousPeriod = default;
        bool hasPrevious = false;
        for (int i = 0; i < observations.Count; i++)
        {
            if (outcomes[i] == AppendOutcome.Unchanged)
            {
                continue;
            }

            Observation o = observations[i];
            // The values of one frame share station, interval and period: their day is computed once.
            if (hasPrevious && o.PeriodStart == previousPeriod && o.Station == previous.Station && o.Interval == previous.Interval)
            {
                continue;
            }

            previous = WorkDay.Of(o);
            previousPeriod = o.PeriodStart;
            hasPrevious = true;
            if (seen.Add(previous))
            {
                days.Add(previous);
            }
        }
    }
}
