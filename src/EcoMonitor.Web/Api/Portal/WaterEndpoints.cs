using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Water;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api.Portal;

/// <summary>Current class of every surface-water section, computed from its latest values with the Standards library.</summary>
internal static class WaterEndpoints
{
    // HJ 212-2017 codes (config/parameters.json) of the GB 3838-2002 items an automatic station measures.
    private static readonly Dictionary<string, SurfaceWaterItem> Items = new(StringComparer.Ordinal)
    {
        ["w01001"] = SurfaceWaterItem.pH,
        ["w01009"] = SurfaceWaterItem.DO,
        ["w01019"] = SurfaceWaterItem.CODMn,
        ["w01018"] = SurfaceWaterItem.COD,
        ["w01017"] = SurfaceWaterItem.BOD5,
        ["w21003"] = SurfaceWaterItem.NH3N,
        ["w21011"] = SurfaceWaterItem.TP,
        ["w21001"] = SurfaceWaterItem.TN,
        ["w02003"] = SurfaceWaterItem.FecalColi,
    };

    public static RouteGroupBuilder MapWaterEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/water/sections/current", CurrentAsync).WithTags("Portal")
            .WithSummary("Every surface-water section with its current class (GB 3838-2002) and exceeding items.")
            .WithDescription("For each registered surface-water station, the latest valid value (flag N) of each GB 3838 item it measures (pH w01001, DO w01009, CODMn w01019, COD w01018, BOD5 w01017, NH3-N w21003, TP w21011, TN w21001, fecal coliform w02003), of any interval, is classified per GB 3838-2002 Table 1 (river limits) and the section class is the worst class (single-factor method, 地表水环境质量评价办法（试行）); TN and fecal coliform are reported separately. Exceeding items are those worse than the target class, or than class III when none is registered.");
        return api;
    }

    private static async Task<Ok<WaterSectionDto[]>> CurrentAsync(IStationStore stations, IObservationStore observations, CancellationToken cancellationToken)
    {
        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        List<WaterSectionDto> rows = [];
        foreach (Station station in all.Where(s => s.Type == StationType.SurfaceWater))
        {
            IReadOnlyList<Observation> latest = await observations.LatestAsync(station.Id, cancellationToken);
            rows.Add(Evaluate(station, latest));
        }

        return TypedResults.Ok(rows.ToArray());
    }

    private static WaterSectionDto Evaluate(Station station, IReadOnlyList<Observation> latest)
    {
        Dictionary<SurfaceWaterItem, Observation> newest = [];
        foreach (Observation o in latest)
        {
            if (o.Value is null || o.Flag != DataFlag.Normal || !Items.TryGetValue(o.Parameter.Value, out SurfaceWaterItem item))
            {
                continue;
            }

            if (!newest.TryGetValue(item, out Observation? seen) || seen.PeriodStart < o.PeriodStart)
            {
                newest[item] = o;
            }
        }

        string? target = station.WaterTargetClass is { } t ? WaterClassNames.Name((WaterClass)t) : null;
        SectionAssessment? assessment = SectionEvaluator.Evaluate(newest.ToDictionary(p => p.Key, p => p.Value.Value!.Value), WaterBody.River);
        if (assessment is null)
        {
            return new(station.Id.Value, station.Name, station.Region.Value, station.Location?.Longitude, station.Location?.Latitude,
                target, null, null, null, [], [], []);
        }

        WaterClass limit = station.WaterTargetClass is { } target2 ? (WaterClass)target2 : WaterClass.III;
        WaterItemDto[] items = [.. newest.OrderBy(p => p.Key).Select(p => new WaterItemDto(
            p.Key.ToString(), p.Value.Parameter.Value, p.Value.Value!.Value,
            WaterClassNames.Name(assessment.ItemClasses.TryGetValue(p.Key, out WaterClass c) ? c : assessment.Separate[p.Key]),
            assessment.ExceedMultiples.TryGetValue(p.Key, out decimal m) ? m : null,
            ApiTime.Format(p.Value.PeriodStart),
            SectionEvaluator.SeparateItems.Contains(p.Key)))];
        return new(station.Id.Value, station.Name, station.Region.Value, station.Location?.Longitude, station.Location?.Latitude,
            target, ApiTime.Format(newest.Values.Max(o => o.PeriodStart)), WaterClassNames.Name(assessment.Class), assessment.Quality,
            items,
            [.. assessment.ItemClasses.Where(p => p.Value > limit).OrderBy(p => p.Key).Select(p => p.Key.ToString())],
            [.. assessment.MainPollutants.Select(p => p.ToString())]);
    }
}
