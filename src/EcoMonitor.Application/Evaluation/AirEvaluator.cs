using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Recomputes and stores the evaluations that depend on some station-days: each station-day's hourly AQI and daily
/// values (<see cref="StationDayEvaluator"/>), then the day of every city and county those stations belong to
/// (<see cref="CityDayEvaluator"/>): the official figures from the stations of the region's official network
/// (<see cref="OfficialNetworks"/>) and the figures of each network from its stations (ADR 0037). Idempotent: running it again on the
/// same data stores the same results. Thread-safe as long as two calls do not recompute the same city-day at once
/// (the <see cref="EvaluationWorker"/> is the single caller in the host). With <paramref name="validity"/>, values with an
/// invalid quality finding are left out of each station-day and, with <paramref name="quality"/>, how many were left out
/// by which rule is stored with the day (docs/quality.md).
/// </summary>
public sealed class AirEvaluator(
    IObservationStore observations,
    IStationStore stations,
    IEvaluationStore evaluations,
    StationValidity? validity = null,
    IQualityStore? quality = null)
{
    /// <summary>
    /// Recomputes <paramref name="dirty"/> (surface-water sections excepted: <see cref="WaterEvaluator"/> does them) and
    /// their cities' and counties' days; returns the number of city- and county-days recomputed.
    /// </summary>
    public async Task<int> RecomputeAsync(IReadOnlyCollection<StationDay> dirty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dirty);
        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        var byId = all.ToDictionary(s => s.Id);
        HashSet<(EvaluationSubject Region, LocalDate Day)> regionDays = [];
        List<EvaluationExclusions> exclusions = [];
        foreach (StationDay stationDay in dirty)
        {
            byId.TryGetValue(stationDay.Station, out Station? station);
            if (station?.Type == StationType.SurfaceWater)
            {
                continue;
            }

            if (await RecomputeStationDayAsync(stationDay, cancellationToken) is { } excluded)
            {
                exclusions.Add(new EvaluationExclusions(stationDay.Station, stationDay.Day, excluded));
            }

            if (station?.Type == StationType.AirQuality)
            {
                foreach (EvaluationSubject region in RegionsOf(station))
                {
                    regionDays.Add((region, stationDay.Day));
                }
            }
        }

        if (quality is not null && exclusions.Count > 0)
        {
            await quality.SaveExclusionsAsync(exclusions, cancellationToken);
        }

        ILookup<EvaluationSubject, Station> members = all
            .Where(s => s.Type == StationType.AirQuality)
            .SelectMany(s => RegionsOf(s).Select(r => (Region: r, Station: s)))
            .ToLookup(m => m.Region, m => m.Station);
        List<RegionDayEvaluation> results = [];
        foreach ((EvaluationSubject region, LocalDate day) in regionDays)
        {
            results.AddRange(await EvaluateRegionDayAsync(region, day, [.. members[region]], cancellationToken));
        }

        await evaluations.ReplaceRegionDaysAsync(results, cancellationToken);
        return regionDays.Count;
    }

    /// <summary>The city of an air station and, when its region is a county-level code, its county.</summary>
    private static IEnumerable<EvaluationSubject> RegionsOf(Station station)
    {
        yield return EvaluationSubject.Of(station.Region);
        if (station.Region.Prefecture != station.Region)
        {
            yield return EvaluationSubject.OfCounty(station.Region);
        }
    }

    /// <summary>Recomputes one station-day; returns what it excluded per rule (null without quality checks).</summary>
    private async Task<IReadOnlyDictionary<string, int>?> RecomputeStationDayAsync(StationDay stationDay, CancellationToken cancellationToken)
    {
        ObservationQuery query = new()
        {
            Station = stationDay.Station,
            Interval = ObservationInterval.Hour,
            From = stationDay.Start,
            To = stationDay.End,
            Parameters = AirParameters.Codes,
        };
        IReadOnlyList<Observation> hourly;
        IReadOnlyDictionary<string, int>? excluded = null;
        if (validity is null)
        {
            hourly = await observations.QueryAsync(query, cancellationToken);
        }
        else
        {
            ValidityResult checkedDay = await validity.CheckAsync(stationDay.Station, ObservationInterval.Hour, stationDay.Start, stationDay.End, AirParameters.Codes, isForEvaluation: true, cancellationToken);
            hourly = checkedDay.Valid;
            excluded = checkedDay.ExcludedByRule;
        }

        (IReadOnlyList<HourlyAqiRecord> hours, DailyAqiRecord day) = StationDayEvaluator.Evaluate(stationDay, hourly, areValuesJudged: validity is not null);
        await evaluations.SaveHourlyAsync(hours, cancellationToken);
        await evaluations.SaveDailyAsync([day], cancellationToken);
        return excluded;
    }

    /// <summary>
    /// A region-day's official results (from the stations of its <see cref="OfficialNetworks"/> network) and its results
    /// in each network; a network, or an official network, without stations in the region gives a null day (its stored
    /// results are removed).
    /// </summary>
    private async Task<List<RegionDayEvaluation>> EvaluateRegionDayAsync(
        EvaluationSubject region, LocalDate day, IReadOnlyCollection<Station> members, CancellationToken cancellationToken)
    {
        var window = new StationDay(default, day);
        Dictionary<StationId, (IReadOnlyList<HourlyAqiRecord> Hours, IReadOnlyList<DailyAqiRecord> Days)> results = [];
        foreach (Station station in members)
        {
            var subject = EvaluationSubject.Of(station.Id);
            results[station.Id] = (
                await evaluations.QueryHourlyAsync(subject, window.Start, window.End, cancellationToken),
                await evaluations.QueryDailyAsync(EvaluationScope.Station, subject.Code, day, day, cancellationToken));
        }

        RegionDayEvaluation Evaluate(EvaluationSubject subject, AssessmentNetworks? network)
        {
            Station[] counted = network is { } n ? [.. members.Where(s => s.Networks.HasFlag(n))] : [];
            return counted.Length == 0
                ? new RegionDayEvaluation(subject, day, [], null)
                : new RegionDayEvaluation(
                    subject, day,
                    CityDayEvaluator.Hours(subject, counted.SelectMany(s => results[s.Id].Hours)),
                    CityDayEvaluator.Day(subject, day, [.. counted.SelectMany(s => results[s.Id].Days)]));
        }

        List<RegionDayEvaluation> evaluated = [Evaluate(region, OfficialNetworks.Of(region.Scope, members))];
        evaluated.AddRange(AssessmentNetworkNames.All.Select(n => Evaluate(region.InNetwork(n), n)));
        return evaluated;
    }
}
