using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Cli.Simulation;

/// <summary>One station's values for one hour, as a data logger would send them in one CN 2061 frame.</summary>
/// <param name="Station">The station.</param>
/// <param name="PeriodStart">Start of the hour.</param>
/// <param name="Values">Parameter values of the hour, in a stable order.</param>
internal sealed record HourRecord(StationId Station, Instant PeriodStart, IReadOnlyList<KeyValuePair<ParameterCode, decimal>> Values)
{
    /// <summary>Groups hourly observations by station and hour, ordered by time.</summary>
    public static Dictionary<StationId, List<HourRecord>> Group(IEnumerable<Observation> observations)
    {
        Dictionary<(StationId, Instant), List<KeyValuePair<ParameterCode, decimal>>> byHour = [];
        foreach (Observation o in observations)
        {
            if (o.Interval != ObservationInterval.Hour || o.Value is not { } value)
            {
                continue;
            }

            if (!byHour.TryGetValue((o.Station, o.PeriodStart), out List<KeyValuePair<ParameterCode, decimal>>? values))
            {
                values = [];
                byHour.Add((o.Station, o.PeriodStart), values);
            }

            values.Add(new KeyValuePair<ParameterCode, decimal>(o.Parameter, value));
        }

        return byHour
            .GroupBy(e => e.Key.Item1)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(e => e.Key.Item2).Select(e => new HourRecord(g.Key, e.Key.Item2, e.Value)).ToList());
    }
}
