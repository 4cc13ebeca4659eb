using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

public sealed partial class FalsificationDetector
{
    private List<SuspicionEvidence> ZeroVariance(StationType type, IReadOnlyList<DaySeries> series, Instant dayStart)
    {
        var evidence = new List<SuspicionEvidence>();
        foreach ((Instant from, Instant to) in Windows(dayStart))
        {
            var frozen = new List<(DaySeries Series, decimal Value, int Count)>();
            foreach (DaySeries s in series)
            {
                var stats = WindowStats.Of(s, from, to, _signs.WindowMinValues);
                if (stats is { IsFlat: true } && stats.Min > Floor(type, s.Parameter))
                {
                    frozen.Add((s, stats.Min, stats.Count));
                }
            }

            if (frozen.Count < _signs.ZeroVarianceMinParameters)
            {
                continue;
            }

            string which = string.Join(", ", frozen.Select(f => $"{Name(type, f.Series.Parameter)} = {Value(type, f.Series.Parameter, f.Value)}"));
            evidence.Add(new SuspicionEvidence(null, from, to, frozen.Sum(f => f.Count),
                $"{frozen.Count} parameters did not vary at all {Time(from)}–{Time(to)}: {which} ({frozen.Min(f => f.Count)}+ values each)"));
        }

        return evidence;
    }

    private List<SuspicionEvidence> FlatWhileRunning(StationType type, IReadOnlyList<DaySeries> series, Instant dayStart)
    {
        var evidence = new List<SuspicionEvidence>();
        foreach (DaySeries pollutant in series.Where(s => !IsOperating(s.Parameter)))
        {
            var stretch = new List<(Instant From, Instant To, decimal Value, int Count, string Running)>();
            foreach ((Instant from, Instant to) in Windows(dayStart).Append((Instant.MaxValue, Instant.MaxValue)))
            {
                string? running = from == Instant.MaxValue ? null : Running(type, series, from, to);
                WindowStats? stats = running is null ? null : WindowStats.Of(pollutant, from, to, _signs.WindowMinValues);
                bool flat = stats is { IsFlat: true } && stats.Min > Floor(type, pollutant.Parameter)
                    && (stretch.Count == 0 || stretch[^1].Value == stats.Min);
                if (flat)
                {
                    stretch.Add((from, to, stats!.Min, stats.Count, running!));
                    continue;
                }

                if (stretch.Count >= _signs.FlatWhileRunningMinWindows)
                {
                    evidence.Add(new SuspicionEvidence(pollutant.Parameter, stretch[0].From, stretch[^1].To, stretch.Sum(w => w.Count),
                        $"{Name(type, pollutant.Parameter)} = {Value(type, pollutant.Parameter, stretch[0].Value)} unchanged {Time(stretch[0].From)}–{Time(stretch[^1].To)} ({stretch.Sum(w => w.Count)} values) while the plant ran: {stretch[0].Running}"));
                }

                stretch.Clear();
                if (stats is { IsFlat: true } && stats.Min > Floor(type, pollutant.Parameter))
                {
                    stretch.Add((from, to, stats.Min, stats.Count, running!));
                }
            }
        }

        return evidence;
    }

    /// <summary>Says how the operating parameters moved in the window when one shows the plant running, else null.</summary>
    private string? Running(StationType type, IReadOnlyList<DaySeries> series, Instant from, Instant to)
    {
        foreach (DaySeries s in series.Where(s => IsOperating(s.Parameter)))
        {
            var stats = WindowStats.Of(s, from, to, _signs.WindowMinValues);
            if (stats is not null && stats.Mean > 0 && (stats.Max - stats.Min) / stats.Mean >= _signs.RunningMinVariation)
            {
                return $"{Name(type, s.Parameter)} {Value(type, s.Parameter, stats.Min)}–{Value(type, s.Parameter, stats.Max)} in {Time(from)}–{Time(to)}";
            }
        }

        return null;
    }

    private IEnumerable<(Instant From, Instant To)> Windows(Instant dayStart)
    {
        var width = Duration.FromMinutes(_signs.WindowMinutes);
        Instant dayEnd = dayStart + Duration.FromDays(1);
        for (Instant from = dayStart; from < dayEnd; from += width)
        {
            Instant to = from + width;
            yield return (from, to < dayEnd ? to : dayEnd);
        }
    }
}
