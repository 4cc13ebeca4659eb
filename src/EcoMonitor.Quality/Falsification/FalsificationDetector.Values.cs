using System.Globalization;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

public sealed partial class FalsificationDetector
{
    private List<SuspicionEvidence> IdenticalRuns(StationType type, IReadOnlyList<DaySeries> series)
    {
        var evidence = new List<SuspicionEvidence>();
        foreach (DaySeries s in series)
        {
            Duration step = s.Step;
            decimal floor = Floor(type, s.Parameter);
            int runStart = 0;
            for (int i = 1; i <= s.Values.Count; i++)
            {
                bool continues = i < s.Values.Count
                    && s.Values[i].Value == s.Values[runStart].Value
                    && s.Values[i].PeriodStart - s.Values[i - 1].PeriodStart <= step + step;
                if (continues)
                {
                    continue;
                }

                int count = i - runStart;
                Instant from = s.Values[runStart].PeriodStart;
                Instant to = s.Values[i - 1].PeriodStart + step;
                decimal value = s.Values[runStart].Value!.Value;
                if (count >= _signs.IdenticalRunMinPeriods && (to - from).TotalMinutes >= _signs.IdenticalRunMinMinutes && value > floor)
                {
                    evidence.Add(new SuspicionEvidence(s.Parameter, from, to, count,
                        $"{Name(type, s.Parameter)} = {Value(type, s.Parameter, value)} in {count} consecutive {Kind(s)} values {Time(from)}–{Time(to)} ({(to - from).TotalMinutes:0} min)"));
                }

                runStart = i;
            }
        }

        return evidence;
    }

    private List<SuspicionEvidence> RepeatedBlocks(StationType type, IReadOnlyList<DaySeries> series)
    {
        int length = _signs.RepeatedBlockPeriods;
        var evidence = new List<SuspicionEvidence>();
        foreach (DaySeries s in series)
        {
            var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i + length <= s.Values.Count; i++)
            {
                IEnumerable<decimal> block = s.Values.Skip(i).Take(length).Select(o => o.Value!.Value);
                if (block.Distinct().Count() < _signs.RepeatedBlockMinDistinct)
                {
                    continue;
                }

                string key = string.Join(",", block.Select(Number));
                if (!firstSeen.TryGetValue(key, out int first))
                {
                    firstSeen[key] = i;
                    continue;
                }

                if (i < first + length)
                {
                    continue;
                }

                Instant from = s.Values[i].PeriodStart;
                Instant to = s.Values[i + length - 1].PeriodStart + s.Step;
                evidence.Add(new SuspicionEvidence(s.Parameter, from, to, length,
                    $"{Name(type, s.Parameter)}: the {length} {Kind(s)} values from {Time(from)} ({Abbreviate(key)}) are exactly those from {Time(s.Values[first].PeriodStart)}"));
                i += length - 1;
            }
        }

        return evidence;
    }

    private List<SuspicionEvidence> Pinned(StationType type, IReadOnlyList<DaySeries> series, IReadOnlyList<EmissionLimit> limits)
    {
        var evidence = new List<SuspicionEvidence>();
        foreach (EmissionLimit limit in limits)
        {
            DaySeries? s = series.FirstOrDefault(x => x.Parameter == limit.Parameter);
            if (s is null || s.Values.Count < _signs.PinnedMinValues || limit.Limit <= 0)
            {
                continue;
            }

            decimal low = limit.Limit * (1m - _signs.PinnedBand);
            var inBand = s.Values.Where(o => DaySeries.LimitValue(o) >= low && DaySeries.LimitValue(o) <= limit.Limit).ToList();
            decimal share = (decimal)inBand.Count / s.Values.Count;
            if (share < _signs.PinnedMinShare)
            {
                continue;
            }

            int above = s.Values.Count(o => DaySeries.LimitValue(o) > limit.Limit);
            decimal min = inBand.Min(DaySeries.LimitValue);
            decimal max = inBand.Max(DaySeries.LimitValue);
            evidence.Add(new SuspicionEvidence(s.Parameter, inBand[0].PeriodStart, inBand[^1].PeriodStart + s.Step, inBand.Count,
                $"{Name(type, s.Parameter)}: {inBand.Count} of {s.Values.Count} {Kind(s)} values ({Percent(Math.Round(share, 3))}) lie between {Value(type, s.Parameter, Math.Round(low, 4))} and the limit {Value(type, s.Parameter, limit.Limit)} ({limit.Source}); "
                + $"they range {Number(min)}–{Number(max)}; {above} value(s) above the limit"));
        }

        return evidence;
    }

    private static string Kind(DaySeries s) => s.Interval switch
    {
        ObservationInterval.Minute => "minute",
        ObservationInterval.RealTime => "real-time",
        ObservationInterval.Hour => "hour",
        ObservationInterval.Day => "day",
        _ => s.Interval.ToString(),
    };

    private static string Abbreviate(string values) =>
        values.Length <= 80 ? values : string.Create(CultureInfo.InvariantCulture, $"{values[..77]}...");
}
