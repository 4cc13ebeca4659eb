using System.Text;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Water;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Web.Api.Portal;

/// <summary>
/// CSV of the surface-water sections' stored days (the evaluation's daily means, <see cref="WaterDayRecord"/>), each
/// assessed as the water page and <c>/api/v1/water/sections</c> do (<see cref="WaterAssessmentDto"/>): one row per
/// section and day, the GB 3838-2002 items in fixed columns.
/// </summary>
internal static class WaterDailyCsv
{
    private static readonly Duration MaxRange = Duration.FromDays(366);

    private const string Header = "断面编码 MN,断面名称 name,区划代码 region,水体 water body,日期 day (UTC+08:00),水质类别 class,水质状况 quality,目标类别 target,达标 meets target,主要污染物 main pollutants";

    public static async Task<Results<FileContentHttpResult, InvalidParameterProblem>> GetAsync(
        string? region, string? station, string? from, string? to, IStationStore stations, IEvaluationStore evaluations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (DownloadEndpoints.Validate(region, station, from, to, time, MaxRange, "366 days", out EvaluationRange range) is { } bad)
        {
            return bad;
        }

        Station[] selected = await DownloadEndpoints.SelectAsync(stations, StationType.SurfaceWater, region, station, cancellationToken);
        var csv = new StringBuilder(Header);
        foreach (ParameterCode code in WaterParameters.Codes)
        {
            SurfaceWaterItem item = WaterParameters.Items[code];
            csv.Append(',').Append(item).Append(' ').Append(code.Value).Append(' ').Append(Unit(item));
        }

        csv.Append("\r\n");
        foreach (Station s in selected)
        {
            IReadOnlyList<WaterDayRecord> days = range.HasDays ? await evaluations.QueryWaterDaysAsync(s.Id, range.FirstDay, range.LastDay, cancellationToken) : [];
            foreach (WaterDayRecord day in days.OrderBy(d => d.Day))
            {
                AppendRow(csv, s, day);
            }
        }

        string name = $"ecomonitor-water-{(string.IsNullOrEmpty(station) ? region : station)}-{ApiTime.FormatDate(range.FirstDay)}.csv";
        return TypedResults.File(DownloadEndpoints.Body(csv), "text/csv; charset=utf-8", name);
    }

    private static void AppendRow(StringBuilder csv, Station s, WaterDayRecord day)
    {
        var a = WaterAssessmentDto.From(LocalDatePattern.Iso.Format(day.Day), s, [.. day.Means.Select(m => (m.Parameter, m.Mean, (int?)m.Values))]);
        csv.Append(CsvCell.Text(s.Id.Value)).Append(',').Append(CsvCell.Text(s.Name)).Append(',').Append(CsvCell.Text(s.Region.Value)).Append(',')
            .Append(CsvCell.Text((s.WaterBody ?? WaterBodyType.River).ToString().ToLowerInvariant())).Append(',').Append(CsvCell.Text(a.Period)).Append(',')
            .Append(CsvCell.Text(a.ClassName)).Append(',').Append(CsvCell.Text(a.Quality)).Append(',')
            .Append(CsvCell.Text(a.TargetClass is { } t ? WaterClassNames.Name((WaterClass)t) : null)).Append(',')
            .Append(CsvCell.Text(a.MeetsTarget switch { true => "是 yes", false => "否 no", null => "" })).Append(',')
            .Append(CsvCell.Text(string.Join(' ', a.MainPollutants)));
        foreach (ParameterCode code in WaterParameters.Codes)
        {
            WaterItemMean? mean = day.Means.FirstOrDefault(m => m.Parameter == code);
            csv.Append(',').Append(CsvCell.Number(mean?.Mean));
        }

        csv.Append("\r\n");
    }

    // GB 3838-2002 Table 1 units.
    private static string Unit(SurfaceWaterItem item) => item switch
    {
        SurfaceWaterItem.pH => "(dimensionless)",
        SurfaceWaterItem.FecalColi => "个/L",
        _ => "mg/L",
    };
}
