using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The per-observation hot path: finds the rules of the observation's series (<see cref="AlarmRuleIndex.Match"/>,
/// cached), resolves each limit and judges the value alone (<see cref="AlarmEvaluator.IsHit"/>). Only a hit, or a
/// value of a series whose alarm is active (it may clear it), becomes a work item for the full evaluation; for
/// normal data nothing is allocated. Thread-safe (reads immutable snapshots).
/// </summary>
public static class AlarmMatcher
{
    /// <summary>Adds the work items of <paramref name="observation"/> from <paramref name="station"/> to <paramref name="output"/>; returns how many.</summary>
    public static int Collect(Observation observation, Station station, AlarmRuleSnapshot snapshot, ActiveAlarmSet active, List<AlarmWorkItem> output)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(output);
        AlarmRule[] rules = snapshot.Index.Match(station, observation.Parameter, observation.Interval);
        if (rules.Length == 0)
        {
            return 0;
        }

        int added = 0;
        IReadOnlyDictionary<ParameterCode, decimal>? permits = null;
        bool hasPermits = false;
        foreach (AlarmRule rule in rules)
        {
            decimal? limit = rule.Limit;
            if (rule.LimitSource != LimitSource.Fixed)
            {
                if (!hasPermits && rule.LimitSource == LimitSource.Permit)
                {
                    permits = snapshot.PermitsOf(station.Id);
                    hasPermits = true;
                }

                limit = AlarmLimits.Resolve(rule, station, permits);
            }

            if (AlarmEvaluator.IsHit(rule, limit, observation.Value, observation.Flag) || (active.Count > 0 && active.Contains(station.Id.Value, rule.Id)))
            {
                output.Add(new AlarmWorkItem(station.Id, rule.Id, observation.Parameter, observation.Interval, observation.PeriodStart));
                added++;
            }
        }

        return added;
    }
}
