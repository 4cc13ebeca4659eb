using NodaTime;

namespace EcoMonitor.Quality;

/// <summary>Minimum, maximum and mean of one series' values with period start in a window.</summary>
internal sealed record WindowStats(int Count, decimal Min, decimal Max, decimal Mean)
{
    /// <summary>True when every value in the window is the same.</summary>
    public bool IsFlat => Min == Max;

    /// <summary>The statistics of <paramref name="series"/> in [from, to); null with fewer than <paramref name="minValues"/> values.</summary>
    public static WindowStats? Of(DaySeries series, Instant from, Instant to, int minValues)
    {
        int count = 0;
        decimal min = decimal.MaxValue, max = decimal.MinValue, sum = 0m;
        foreach (EcoMonitor.Domain.Observation o in series.Values)
        {
            if (o.PeriodStart < from || o.PeriodStart >= to)
            {
                continue;
            }

            decimal v = o.Value!.Value;
            count++;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
        }

        return count < minValues || count == 0 ? null : new WindowStats(count, min, max, sum / count);
    }
}
