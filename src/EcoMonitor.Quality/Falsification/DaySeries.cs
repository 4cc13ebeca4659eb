using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

/// <summary>One parameter's flag-N values of a day at the finest interval present (minute, then real-time, then hour), by period start.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Interval">The interval used.</param>
/// <param name="Values">The values by period start.</param>
internal sealed record DaySeries(ParameterCode Parameter, ObservationInterval Interval, IReadOnlyList<Observation> Values)
{
    private static readonly ObservationInterval[] Preference = [ObservationInterval.Minute, ObservationInterval.RealTime, ObservationInterval.Hour];

    /// <summary>The nominal length of one period: the median spacing of the values (one minute, one hour …).</summary>
    public Duration Step
    {
        get
        {
            if (Values.Count < 2)
            {
                return Interval == ObservationInterval.Hour ? Duration.FromHours(1) : Duration.FromMinutes(1);
            }

            var gaps = new List<Duration>(Values.Count - 1);
            for (int i = 1; i < Values.Count; i++)
            {
                gaps.Add(Values[i].PeriodStart - Values[i - 1].PeriodStart);
            }

            gaps.Sort();
            return gaps[gaps.Count / 2];
        }
    }

    /// <summary>The value of <paramref name="o"/> as compared with limits: the converted (折算) value when sent.</summary>
    public static decimal LimitValue(Observation o) => o.ConvertedValue ?? o.Value!.Value;

    /// <summary>Groups the day's observations into one series per parameter.</summary>
    public static IReadOnlyList<DaySeries> From(IReadOnlyList<Observation> observations)
    {
        var series = new List<DaySeries>();
        foreach (IGrouping<ParameterCode, Observation> byParameter in observations.Where(o => o.Value.HasValue && o.Flag == DataFlag.Normal).GroupBy(o => o.Parameter))
        {
            foreach (ObservationInterval interval in Preference)
            {
                var values = byParameter.Where(o => o.Interval == interval).OrderBy(o => o.PeriodStart).ToList();
                if (values.Count > 0)
                {
                    series.Add(new DaySeries(byParameter.Key, interval, values));
                    break;
                }
            }
        }

        series.Sort((a, b) => string.CompareOrdinal(a.Parameter.Value, b.Parameter.Value));
        return series;
    }
}
