using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The per-observation hot path: finds the rules of the observation's series (<see cref="AlarmRuleIndex.Match"/>,
/// cached with each rule's limit) and judges the value alone (<see cref="AlarmEvaluator.IsHit"/>). Only a hit, or a
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
        SeriesRules series = snapshot.Index.MatchSeries(station, observation.Parameter, observation.Interval);
        AlarmRule[] rules = series.Rules;
        int added = 0;
        for (int i = 0; i < rules.Length; i++)
        {
            AlarmRule rule = rules[i];
            if (AlarmEvaluator.IsHit(rule, series.Limits[i], observation.Value, observation.Flag) || (active.Count > 0 && active.Contains(station.Id.Value, rule.Id)))
            {
                output.Add(new AlarmWorkItem(station.Id, rule.Id, observation.Parameter, observation.Interval, observation.PeriodStart));
                added++;
            }
        }

        return added;
    }
}
