using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Pure evaluation of a rule over a series. <see cref="IsHit"/> judges one value (cheap, no allocation: the per-
/// observation pre-filter); <see cref="Evaluate"/> judges duration and count-in-window conditions over the samples
/// around a period, so a late value that completes an episode is found as well as one that arrives in order.
/// Consecutive means adjacent periods (a missing period breaks a run); real-time values are consecutive by order.
/// A value flagged other than N counts as no hit for exceedance, rise and flat-line rules (it is not valid data);
/// for exceedance and rise rules a reviewer's verdict on the value (<see cref="AlarmSample.Review"/>) wins over its flag,
/// while flat-line and fault-flag rules judge the data as sent (a reviewer invalidating a stuck analyser's values
/// confirms such an alarm rather than refuting it).
/// </summary>
public static class AlarmEvaluator
{
    /// <summary>The period length of an interval; zero for real-time (adjacency by order).</summary>
    public static Duration Step(ObservationInterval interval) => interval switch
    {
        ObservationInterval.Minute => Duration.FromMinutes(1),
        ObservationInterval.Hour => Duration.FromHours(1),
        ObservationInterval.Day => Duration.FromDays(1),
        _ => Duration.Zero,
    };

    /// <summary>
    /// True when one value alone is a hit of an exceedance or fault-flag rule (rate-of-rise and flat-line need the
    /// series: for them a valid value is a candidate and this returns true).
    /// </summary>
    public static bool IsHit(AlarmRule rule, decimal? limit, decimal? value, DataFlag flag)
    {
        switch (rule.Kind)
        {
            case AlarmRuleKind.Exceedance:
                return flag == DataFlag.Normal && IsBeyond(rule, limit, value);
            case AlarmRuleKind.FaultFlag:
                return IsFault(rule, flag);
            case AlarmRuleKind.RateOfRise:
            case AlarmRuleKind.FlatLine:
                return value is not null && flag == DataFlag.Normal;
            case AlarmRuleKind.Silence:
            case AlarmRuleKind.Aqi:
            case AlarmRuleKind.Security:
            default:
                return false;
        }
    }

    /// <summary>
    /// Evaluates <paramref name="rule"/> over <paramref name="samples"/> (one series, ascending by period, distinct
    /// periods) around <paramref name="focus"/>, with <paramref name="limit"/> for exceedance rules: the episode whose
    /// values include the focus — for flat-line and rise rules also the earlier value its first hit is compared with, so a
    /// late value that makes a <em>following</em> period a hit (the next period equal to it, the value <c>riseHours</c>
    /// later high enough) finds that episode.
    /// </summary>
    public static ConditionResult Evaluate(AlarmRule rule, decimal? limit, IReadOnlyList<AlarmSample> samples, Instant focus)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return default;
        }

        Analysis analysis = Analyse(rule, limit, samples);
        for (int i = 0; i < samples.Count; i++)
        {
            if (!analysis.Qualifies[i])
            {
                continue;
            }

            int end = EpisodeEnd(analysis, samples.Count, i);
            int first = analysis.Start[i];
            if (Reach(rule, samples, first) <= focus && focus <= samples[end].PeriodStart)
            {
                return Episode(rule, samples, analysis, first, end);
            }

            i = end;
        }

        int last = samples.Count - 1;
        return new ConditionResult(false, default, default, 0, null, analysis.Qualifies[last], samples[last].PeriodStart);
    }

    /// <summary>
    /// Every qualifying episode of <paramref name="rule"/> in <paramref name="samples"/> (one series, ascending by period,
    /// distinct periods), oldest first; used when a review changes the values of a whole range.
    /// </summary>
    public static IReadOnlyList<ConditionResult> Episodes(AlarmRule rule, decimal? limit, IReadOnlyList<AlarmSample> samples)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return [];
        }

        Analysis analysis = Analyse(rule, limit, samples);
        var episodes = new List<ConditionResult>();
        for (int i = 0; i < samples.Count; i++)
        {
            if (!analysis.Qualifies[i])
            {
                continue;
            }

            int end = EpisodeEnd(analysis, samples.Count, i);
            episodes.Add(Episode(rule, samples, analysis, analysis.Start[i], end));
            i = end;
        }

        return episodes;
    }

    /// <summary>True for rules that judge the values themselves (a reviewer's verdict decides whether a value counts).</summary>
    public static bool IsValueRule(AlarmRuleKind kind) => kind is AlarmRuleKind.Exceedance or AlarmRuleKind.RateOfRise;

    private static Analysis Analyse(AlarmRule rule, decimal? limit, IReadOnlyList<AlarmSample> samples)
    {
        Duration step = Step(rule.Interval);
        bool[] hits = new bool[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            hits[i] = SeriesHit(rule, limit, samples, i);
        }

        // qualifies[i]: sample i ends a qualifying episode; start[i]: where that episode starts.
        bool[] qualifies = new bool[samples.Count];
        int[] start = new int[samples.Count];
        int required = Required(rule);
        if (rule.WindowPeriods > 0)
        {
            Duration window = step == Duration.Zero ? Duration.Zero : step * rule.WindowPeriods;
            for (int i = 0; i < samples.Count; i++)
            {
                if (!hits[i])
                {
                    continue;
                }

                int count = 0;
                int first = i;
                for (int j = i; j >= 0; j--)
                {
                    bool isInside = step == Duration.Zero ? i - j < rule.WindowPeriods : samples[i].PeriodStart - samples[j].PeriodStart < window;
                    if (!isInside)
                    {
                        break;
                    }

                    if (hits[j])
                    {
                        count++;
                        first = j;
                    }
                }

                qualifies[i] = count >= rule.MinCount;
                start[i] = first;
            }
        }
        else
        {
            int runStart = 0;
            for (int i = 0; i < samples.Count; i++)
            {
                if (!hits[i])
                {
                    continue;
                }

                if (i == 0 || !hits[i - 1] || !IsAdjacent(samples[i - 1].PeriodStart, samples[i].PeriodStart, step))
                {
                    runStart = i;
                }

                start[i] = runStart;
                qualifies[i] = i - runStart + 1 >= required;
            }
        }

        return new Analysis(hits, qualifies, start);
    }

    /// <summary>The last index of the run/window sequence of qualifying samples that begins at <paramref name="i"/>.</summary>
    private static int EpisodeEnd(Analysis analysis, int count, int i)
    {
        int end = i;
        while (end + 1 < count && analysis.Qualifies[end + 1] && analysis.Start[end + 1] <= end)
        {
            end++;
        }

        return end;
    }

    private static ConditionResult Episode(AlarmRule rule, IReadOnlyList<AlarmSample> samples, Analysis analysis, int first, int end)
    {
        int count = 0;
        decimal? peak = null;
        for (int k = first; k <= end; k++)
        {
            if (analysis.Hits[k])
            {
                count++;
                peak = Worse(rule, peak, samples[k].Value);
            }
        }

        int last = samples.Count - 1;
        return new ConditionResult(true, samples[first].PeriodStart, samples[end].PeriodStart, count, peak, analysis.Qualifies[last], samples[last].PeriodStart);
    }

    /// <summary>
    /// The earliest period an episode starting at sample <paramref name="first"/> depends on: for a flat line the period
    /// before its first repeat (the first of the equal values), for a rise the period its first hit is compared with,
    /// else its first period.
    /// </summary>
    private static Instant Reach(AlarmRule rule, IReadOnlyList<AlarmSample> samples, int first) => rule.Kind switch
    {
        AlarmRuleKind.FlatLine when first > 0 => samples[first - 1].PeriodStart,
        AlarmRuleKind.RateOfRise => samples[first].PeriodStart - Duration.FromHours(rule.RiseHours),
        _ => samples[first].PeriodStart,
    };

    /// <summary>The run length a consecutive condition needs (a flat line of N equal values has N-1 repeats).</summary>
    private static int Required(AlarmRule rule) =>
        rule.Kind == AlarmRuleKind.FlatLine ? Math.Max(rule.Consecutive - 1, 1) : Math.Max(rule.Consecutive, 1);

    private static bool SeriesHit(AlarmRule rule, decimal? limit, IReadOnlyList<AlarmSample> samples, int i)
    {
        AlarmSample sample = samples[i];
        switch (rule.Kind)
        {
            case AlarmRuleKind.RateOfRise:
            {
                if (sample.Value is not { } now || !sample.IsValid)
                {
                    return false;
                }

                Instant earlier = sample.PeriodStart - Duration.FromHours(rule.RiseHours);
                for (int j = i - 1; j >= 0; j--)
                {
                    if (samples[j].PeriodStart == earlier)
                    {
                        return samples[j].Value is { } then && then > 0m && samples[j].IsValid && now >= then * rule.RiseFactor;
                    }

                    if (samples[j].PeriodStart < earlier)
                    {
                        break;
                    }
                }

                return false;
            }

            case AlarmRuleKind.FlatLine:
                return i > 0 && sample.Value is { } value && sample.Flag == DataFlag.Normal
                    && samples[i - 1].Value == value && samples[i - 1].Flag == DataFlag.Normal
                    && IsAdjacent(samples[i - 1].PeriodStart, sample.PeriodStart, Step(rule.Interval));
            case AlarmRuleKind.Exceedance:
                return sample.IsValid && IsBeyond(rule, limit, sample.Value);
            case AlarmRuleKind.FaultFlag:
            case AlarmRuleKind.Silence:
            case AlarmRuleKind.Aqi:
            case AlarmRuleKind.Security:
            default:
                return IsHit(rule, limit, sample.Value, sample.Flag);
        }
    }

    private static bool IsBeyond(AlarmRule rule, decimal? limit, decimal? value) =>
        value is { } v && limit is { } l && (rule.Direction == LimitDirection.Above ? v > l : v < l);

    private static bool IsFault(AlarmRule rule, DataFlag flag)
    {
        for (int i = 0; i < rule.FaultFlags.Count; i++)
        {
            if (string.Equals(rule.FaultFlags[i], flag.Value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAdjacent(Instant previous, Instant next, Duration step) =>
        step == Duration.Zero || next - previous == step;

    private static decimal? Worse(AlarmRule rule, decimal? current, decimal? value)
    {
        if (value is not { } v)
        {
            return current;
        }

        if (current is not { } c)
        {
            return v;
        }

        return rule.Direction == LimitDirection.Above ? Math.Max(c, v) : Math.Min(c, v);
    }

    private readonly record struct Analysis(bool[] Hits, bool[] Qualifies, int[] Start);
}
