using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The per-observation hot path: finds the rules of the observation's series (<see cref="AlarmRuleIndex.Match"/>,
/// cached with each rule's limit) and judges the value alone (<see cref="AlarmEvaluator.IsHit"/>). Only a hit, or a
/// value of a series whose alarm is active (it may clear it), becomes a work item for the full evaluation; for
/// normal data nothing is allocated. Flat-line and rate-of-rise rules compare a value with an earlier one: with the
/// series' recent history (<see cref="RecentSeries"/>) a value is a candidate only when that neighbour makes it a hit or
/// is not known here (else every valid value would cost the engine a store read). Thread-safe (reads immutable
/// snapshots; histories lock per series).
/// </summary>
public static class AlarmMatcher
{
    /// <summary>Longest history kept for one series (a day of minute values); a rule needing more is not pre-filtered.</summary>
    public const int MaxHistoryPeriods = 1_441;

    /// <summary>
    /// Adds the work items of <paramref name="observation"/> from <paramref name="station"/> to <paramref name="output"/>
    /// and records the value in the series' history (when <paramref name="recent"/> is given and the series keeps one);
    /// returns how many items were added.
    /// </summary>
    public static int Collect(
        Observation observation, Station station, AlarmRuleSnapshot snapshot, ActiveAlarmSet active, List<AlarmWorkItem> output, RecentSeries? recent = null)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(output);
        SeriesRules series = snapshot.Index.MatchSeries(station, observation.Parameter, observation.Interval);
        AlarmRule[] rules = series.Rules;
        SeriesHistory? history = recent is not null && series.HistoryPeriods > 0
            ? recent.Of(station.Id, observation.Parameter, observation.Interval, series.HistoryPeriods)
            : null;
        int added = 0;
        for (int i = 0; i < rules.Length; i++)
        {
            AlarmRule rule = rules[i];
            bool isCandidate = AlarmEvaluator.IsHit(rule, series.Limits[i], observation.Value, observation.Flag)
                && (history is null || MayHit(rule, history, observation));
            if (isCandidate || (active.Count > 0 && active.Contains(station.Id.Value, rule.Id)))
            {
                output.Add(new AlarmWorkItem(station.Id, rule.Id, observation.Parameter, observation.Interval, observation.PeriodStart));
                added++;
            }
        }

        history?.Put(observation.PeriodStart, observation.Value, observation.Flag);
        return added;
    }

    /// <summary>
    /// Periods of history the pre-filter of <paramref name="rule"/> needs: 2 for a flat line (the previous period), the
    /// rise span + 1 for a rate of rise; 0 when it keeps none (other kinds, real-time values, a span not a whole number of
    /// periods or longer than <see cref="MaxHistoryPeriods"/>).
    /// </summary>
    public static int HistoryPeriods(AlarmRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Duration step = AlarmEvaluator.Step(rule.Interval);
        if (step == Duration.Zero)
        {
            return 0;
        }

        switch (rule.Kind)
        {
            case AlarmRuleKind.FlatLine:
                return 2;
            case AlarmRuleKind.RateOfRise:
            {
                long span = Duration.FromHours(rule.RiseHours).BclCompatibleTicks;
                long ticks = step.BclCompatibleTicks;
                return span % ticks == 0 && (span / ticks) + 1 <= MaxHistoryPeriods ? (int)(span / ticks) + 1 : 0;
            }

            case AlarmRuleKind.Exceedance:
            case AlarmRuleKind.FaultFlag:
            case AlarmRuleKind.Silence:
            case AlarmRuleKind.Aqi:
            case AlarmRuleKind.Security:
            default:
                return 0;
        }
    }

    /// <summary>
    /// False only when the history shows the value cannot take part in a hit of a flat-line or rise rule: the neighbour it
    /// is compared with is held and is valid (flag N) and differs (flat line) or is not low enough (rise) — unknown → true —
    /// and no held later value is made a hit by it (a late value: the following period equal to it, or the value
    /// <c>riseHours</c> later at least <c>riseFactor</c> times it). A later value that is not held (the usual in-order
    /// arrival) does not make a value a candidate.
    /// </summary>
    private static bool MayHit(AlarmRule rule, SeriesHistory history, Observation observation)
    {
        if (HistoryPeriods(rule) == 0 || observation.Value is not { } value)
        {
            return true;
        }

        return MayHitBackward(rule, history, observation, value) || MakesLaterHit(rule, history, observation, value);
    }

    /// <summary>True when a held later value is a hit because of this one (flat line: the next period equals it; rise: the value the rise span later is high enough).</summary>
    private static bool MakesLaterHit(AlarmRule rule, SeriesHistory history, Observation observation, decimal value) => rule.Kind switch
    {
        AlarmRuleKind.FlatLine =>
            history.TryGet(observation.PeriodStart + AlarmEvaluator.Step(rule.Interval), out decimal? next, out DataFlag nextFlag)
            && nextFlag == DataFlag.Normal && next == value,
        AlarmRuleKind.RateOfRise =>
            value > 0m && history.TryGet(observation.PeriodStart + Duration.FromHours(rule.RiseHours), out decimal? later, out DataFlag laterFlag)
            && laterFlag == DataFlag.Normal && later is { } then && then >= value * rule.RiseFactor,
        _ => false,
    };

    private static bool MayHitBackward(AlarmRule rule, SeriesHistory history, Observation observation, decimal value)
    {

        switch (rule.Kind)
        {
            case AlarmRuleKind.FlatLine:
                // A previous value flagged other than N is no flat-line neighbour (the rule judges data as sent).
                return !history.TryGet(observation.PeriodStart - AlarmEvaluator.Step(rule.Interval), out decimal? previous, out DataFlag previousFlag)
                    || (previousFlag == DataFlag.Normal && previous == value);
            case AlarmRuleKind.RateOfRise:
                // A flagged earlier value may be valid by review: the engine decides with the store.
                return !history.TryGet(observation.PeriodStart - Duration.FromHours(rule.RiseHours), out decimal? earlier, out DataFlag earlierFlag)
                    || earlierFlag != DataFlag.Normal
                    || (earlier is { } then && then > 0m && value >= then * rule.RiseFactor);
            case AlarmRuleKind.Exceedance:
            case AlarmRuleKind.FaultFlag:
            case AlarmRuleKind.Silence:
            case AlarmRuleKind.Aqi:
            case AlarmRuleKind.Security:
            default:
                return true;
        }
    }
}
