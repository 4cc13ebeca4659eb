using System.Globalization;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

public sealed partial class FalsificationDetector
{
    private List<SuspicionEvidence> Bursts(IReadOnlyList<Observation> day)
    {
        // Per minute period, when its first value arrived (one frame carries one period).
        var arrivals = day.Where(o => o.Interval == ObservationInterval.Minute)
            .GroupBy(o => o.PeriodStart)
            .Select(g => (Period: g.Key, ReceivedAt: g.Min(o => o.ReceivedAt)))
            .OrderBy(a => a.Period)
            .ToList();
        var bursts = new List<(Instant FirstPeriod, Instant LastPeriod, Instant FirstReceived, Instant LastReceived, int Count)>();
        var gap = Duration.FromSeconds(_signs.BurstGapSeconds);
        int start = 0;
        for (int i = 1; i <= arrivals.Count; i++)
        {
            if (i < arrivals.Count && arrivals[i].ReceivedAt - arrivals[i - 1].ReceivedAt <= gap && arrivals[i].ReceivedAt >= arrivals[i - 1].ReceivedAt)
            {
                continue;
            }

            if (i - start >= _signs.BurstMinPeriods)
            {
                bursts.Add((arrivals[start].Period, arrivals[i - 1].Period, arrivals[start].ReceivedAt, arrivals[i - 1].ReceivedAt, i - start));
            }

            start = i;
        }

        if (bursts.Count < _signs.BurstMinCount)
        {
            return [];
        }

        var spacing = new List<double>(bursts.Count - 1);
        for (int i = 1; i < bursts.Count; i++)
        {
            spacing.Add((bursts[i].FirstReceived - bursts[i - 1].FirstReceived).TotalSeconds);
        }

        double mean = spacing.Average();
        double deviation = Math.Sqrt(spacing.Sum(s => (s - mean) * (s - mean)) / spacing.Count);
        if (mean <= 0 || deviation / mean > (double)_signs.BurstSpacingMaxCv)
        {
            return [];
        }

        return [.. bursts.Select((b, i) => new SuspicionEvidence(null, b.FirstReceived, b.LastReceived, b.Count,
            string.Create(CultureInfo.InvariantCulture, $"{b.Count} minute periods {Time(b.FirstPeriod)}–{Time(b.LastPeriod)} received within {(b.LastReceived - b.FirstReceived).TotalSeconds:0.###} s at {Time(b.FirstReceived)}")
            + (i == 0
                ? string.Create(CultureInfo.InvariantCulture, $"; {bursts.Count} such bursts {mean:0} s apart on average (spread {deviation:0.#} s)")
                : string.Create(CultureInfo.InvariantCulture, $", {spacing[i - 1]:0} s after the previous burst"))))];
    }

    private List<SuspicionEvidence> ReusedRequestNumbers(IReadOnlyList<FrameDelivery> frames, Instant start, Instant end)
    {
        var evidence = new List<SuspicionEvidence>();
        foreach (IGrouping<string, FrameDelivery> group in frames
            .Where(f => f.RequestNumber is not null && f.ReceivedAt >= start && f.ReceivedAt < end)
            .GroupBy(f => f.RequestNumber!, StringComparer.Ordinal)
            .OrderBy(g => g.Min(f => f.ReceivedAt)))
        {
            int contents = group.Select(f => f.Fingerprint).Distinct(StringComparer.Ordinal).Count();
            if (contents < 2)
            {
                continue;
            }

            Instant first = group.Min(f => f.ReceivedAt);
            Instant last = group.Max(f => f.ReceivedAt);
            evidence.Add(new SuspicionEvidence(null, first, last, group.Count(),
                $"QN {group.Key} carried by {group.Count()} frames with {contents} different contents, received {Time(first)}–{Time(last)}"));
        }

        return evidence.Count >= _signs.RequestNumberReuseMinCount ? evidence : [];
    }
}
