using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Recomputes and stores the days of surface-water sections (<see cref="WaterDayEvaluator"/>) among some dirty
/// station-days; days of other stations are ignored. Idempotent; the <see cref="EvaluationWorker"/> is its caller.
/// </summary>
public sealed class WaterEvaluator(IObservationStore observations, IStationStore stations, IEvaluationStore evaluations)
{
    /// <summary>Recomputes the section days among <paramref name="dirty"/>; returns how many were stored.</summary>
    public async Task<int> RecomputeAsync(IReadOnlyCollection<StationDay> dirty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dirty);
        var sections = (await stations.ListAsync(cancellationToken))
            .Where(s => s.Type == StationType.SurfaceWater)
            .ToDictionary(s => s.Id);
        List<WaterDayRecord> days = [];
        foreach (StationDay stationDay in dirty)
        {
            if (!sections.TryGetValue(stationDay.Station, out Station? station))
            {
                continue;
            }

            ObservationQuery query = new()
            {
                Station = station.Id,
                Interval = ObservationInterval.Hour,
                From = stationDay.Start,
                To = stationDay.End,
                Parameters = WaterParameters.Codes,
            };
            days.Add(WaterDayEvaluator.Evaluate(station, stationDay, await observations.QueryAsync(query, cancellationToken)));
        }

        if (days.Count > 0)
        {
            await evaluations.SaveWaterDaysAsync(days, cancellationToken);
        }

        return days.Count;
    }
}
