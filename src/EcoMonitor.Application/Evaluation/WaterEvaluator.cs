using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Recomputes and stores the days of surface-water sections (<see cref="WaterDayEvaluator"/>) among some dirty
/// station-days; days of other stations are ignored. With <paramref name="validity"/> the values pass the same gate as
/// air (<see cref="StationValidity"/>: values with an invalid quality finding are left out unless a reviewer confirmed
/// them, values a reviewer marked invalid are left out) and, with <paramref name="quality"/>, how many were left out by
/// which rule is stored with the day; without it only values flagged N count. Review decisions queue the station-days
/// they cover (<see cref="ReviewService"/>), so a section's day follows its reviewer. Idempotent; the
/// <see cref="EvaluationWorker"/> is its caller.
/// </summary>
public sealed class WaterEvaluator(
    IObservationStore observations,
    IStationStore stations,
    IEvaluationStore evaluations,
    StationValidity? validity = null,
    IQualityStore? quality = null)
{
    /// <summary>Recomputes the section days among <paramref name="dirty"/>; returns how many were stored.</summary>
    public async Task<int> RecomputeAsync(IReadOnlyCollection<StationDay> dirty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dirty);
        var sections = (await stations.ListAsync(cancellationToken))
            .Where(s => s.Type == StationType.SurfaceWater)
            .ToDictionary(s => s.Id);
        List<WaterDayRecord> days = [];
        List<EvaluationExclusions> exclusions = [];
        foreach (StationDay stationDay in dirty)
        {
            if (!sections.TryGetValue(stationDay.Station, out Station? station))
            {
                continue;
            }

            if (validity is null)
            {
                ObservationQuery query = new()
                {
                    Station = station.Id, Interval = ObservationInterval.Hour, From = stationDay.Start, To = stationDay.End, Parameters = WaterParameters.AllCodes,
                };
                days.Add(WaterDayEvaluator.Evaluate(station, stationDay, await observations.QueryAsync(query, cancellationToken)));
                continue;
            }

            ValidityResult checkedDay = await validity.CheckAsync(
                station.Id, ObservationInterval.Hour, stationDay.Start, stationDay.End, WaterParameters.AllCodes, isForEvaluation: true, cancellationToken);
            days.Add(WaterDayEvaluator.Evaluate(station, stationDay, checkedDay.Valid, areValuesJudged: true));
            exclusions.Add(new EvaluationExclusions(station.Id, stationDay.Day, checkedDay.ExcludedByRule));
        }

        if (days.Count > 0)
        {
            await evaluations.SaveWaterDaysAsync(days, cancellationToken);
        }

        if (quality is not null && exclusions.Count > 0)
        {
            await quality.SaveExclusionsAsync(exclusions, cancellationToken);
        }

        return days.Count;
    }
}
