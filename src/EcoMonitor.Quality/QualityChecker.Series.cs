using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

public sealed partial class QualityChecker
{
    // Rules over one parameter's series: duplicates, order of arrival, flat line, spike, rate of change.
    private void CheckSeries(StationType type, List<Observation> series, List<QualityFinding> findings)
    {
        CheckOrder(series, findings);
        series.Sort((a, b) => a.PeriodStart.CompareTo(b.PeriodStart));
        List<Observation> distinct = CheckDuplicates(series, findings);
        ParameterRules? rules = _rules.For(type, distinct[0].Parameter);
        if (rules is null)
        {
            return;
        }

        Duration step = Step(distinct);
        // Only values the flag says were measured normally take part: a calibration value is not a neighbour.
        List<Observation> usable = distinct.FindAll(o => o.Value is not null && o.Flag.Value is "N" or "S");
        CheckFlatLine(type, usable, step, rules, findings);
        CheckSpikeAndRate(type, usable, step, rules, findings);
    }

    private void CheckOrder(List<Observation> series, List<QualityFinding> findings)
    {
        // In order of arrival, a value for a period before one already received came late (补传) or the clock jumped.
        Instant latest = Instant.MinValue;
        foreach (Observation o in series.OrderBy(o => o.ReceivedAt).ThenBy(o => o.PeriodStart))
        {
            if (o.PeriodStart < latest)
            {
                Add(findings, o, QualityRuleIds.OutOfOrder, QualitySeverity.Marked,
                    $"received at {Time(o.ReceivedAt)}, after the value for the later period {Time(latest)}: back-filled (补传) or the logger's clock jumped");
            }
            else
            {
                latest = o.PeriodStart;
            }
        }
    }

    private List<Observation> CheckDuplicates(List<Observation> sorted, List<QualityFinding> findings)
    {
        var distinct = new List<Observation>(sorted.Count);
        for (int i = 0; i < sorted.Count; i++)
        {
            Observation o = sorted[i];
            if (distinct.Count > 0 && distinct[^1].PeriodStart == o.PeriodStart)
            {
                Observation first = distinct[^1];
                if (!first.HasSamePayload(o))
                {
                    string reason = $"period {Time(o.PeriodStart)} was sent twice with different values ({Number(first.Value ?? 0)} and {Number(o.Value ?? 0)})";
                    Add(findings, first, QualityRuleIds.DuplicateTime, QualitySeverity.Suspect, reason);
                }

                distinct[^1] = o;
                continue;
            }

            distinct.Add(o);
        }

        return distinct;
    }

    private void CheckFlatLine(StationType type, List<Observation> usable, Duration step, ParameterRules rules, List<QualityFinding> findings)
    {
        if (rules.FlatLineHours is not { } hours || usable.Count == 0)
        {
            return;
        }

        long periods = (long)Math.Ceiling((double)hours * Hour.TotalTicks / step.TotalTicks);
        int minimum = (int)Math.Max(_rules.FlatLineMinPeriods, periods);
        int start = 0;
        for (int i = 1; i <= usable.Count; i++)
        {
            bool continues = i < usable.Count
                && usable[i].Value == usable[start].Value
                && usable[i].PeriodStart - usable[i - 1].PeriodStart == step;
            if (continues)
            {
                continue;
            }

            int length = i - start;
            decimal value = usable[start].Value!.Value;
            if (length >= minimum && value > rules.FlatLineFloor)
            {
                string reason = $"{Describe(type, usable[start], value)} for {length} consecutive periods ({Time(usable[start].PeriodStart)} – {Time(usable[i - 1].PeriodStart)}); a working analyser does not repeat a value that long";
                for (int j = start; j < i; j++)
                {
                    Add(findings, usable[j], QualityRuleIds.FlatLine, QualitySeverity.Suspect, reason);
                }
            }

            start = i;
        }
    }

    private void CheckSpikeAndRate(StationType type, List<Observation> usable, Duration step, ParameterRules rules, List<QualityFinding> findings)
    {
        for (int i = 1; i < usable.Count; i++)
        {
            Observation previous = usable[i - 1];
            Observation current = usable[i];
            if (current.PeriodStart - previous.PeriodStart != step)
            {
                continue;
            }

            decimal v = current.Value!.Value;
            decimal p = previous.Value!.Value;
            bool isSpike = false;
            if (rules.SpikeDelta is { } delta && i + 1 < usable.Count && usable[i + 1].PeriodStart - current.PeriodStart == step)
            {
                decimal n = usable[i + 1].Value!.Value;
                decimal high = Math.Max(p, n);
                decimal low = Math.Min(p, n);
                if (v - high > delta && v > rules.SpikeRatio * high)
                {
                    isSpike = true;
                    Add(findings, current, QualityRuleIds.Spike, QualitySeverity.Suspect,
                        $"{Describe(type, current, v)} is an isolated jump: {Number(p)} before and {Number(n)} after");
                }
                else if (low - v > delta && v * rules.SpikeRatio < low)
                {
                    isSpike = true;
                    Add(findings, current, QualityRuleIds.Spike, QualitySeverity.Suspect,
                        $"{Describe(type, current, v)} is an isolated dip: {Number(p)} before and {Number(n)} after");
                }
            }

            if (!isSpike && rules.MaxStep is { } maxStep && Math.Abs(v - p) > maxStep)
            {
                Add(findings, current, QualityRuleIds.RateOfChange, QualitySeverity.Suspect,
                    $"{Describe(type, current, v)} changed by {Number(v - p)} from the previous period ({Number(p)}); more than {Number(maxStep)} per period is not plausible");
            }
        }
    }

    /// <summary>The series' period: an hour or a day, or for minute and real-time data the shortest spacing seen.</summary>
    private static Duration Step(List<Observation> sorted)
    {
        switch (sorted[0].Interval)
        {
            case ObservationInterval.Hour:
                return Hour;
            case ObservationInterval.Day:
                return Duration.FromDays(1);
        }

        Duration shortest = Duration.MaxValue;
        for (int i = 1; i < sorted.Count; i++)
        {
            Duration gap = sorted[i].PeriodStart - sorted[i - 1].PeriodStart;
            if (gap > Duration.Zero && gap < shortest)
            {
                shortest = gap;
            }
        }

        return shortest == Duration.MaxValue ? Duration.FromMinutes(1) : shortest;
    }
}
