using System.Text;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api.Portal;

/// <summary>CSV downloads of published data: the hourly AQI and concentrations of the air stations of a region or of one station; the surface-water sections' days (<see cref="WaterDailyCsv"/>).</summary>
internal static class DownloadEndpoints
{
    private static readonly Duration MaxRange = Duration.FromDays(93);

    private const string Header = "站点编码 MN,站点名称 name,区划代码 region,时段开始 hour start (UTC+08:00),AQI,级别 level,类别 category,首要污染物 primary,SO2 µg/m3,NO2 µg/m3,PM10 µg/m3,PM2.5 µg/m3,CO mg/m3,O3 µg/m3";

    public static RouteGroupBuilder MapDownloadEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/downloads/aqi-hourly.csv", HourlyCsvAsync).WithTags("Portal").PublicData()
            .WithSummary("CSV of the published hourly AQI and concentrations of the air stations of a region, or of one station, for a period.")
            .WithDescription("`region` is a region code prefix: 2 digits (province, e.g. 51), 4 (city, e.g. 5101) or 6 (county or a full code like 510100 meaning its city when it ends in 00); `station` is one MN; at least one of them. `from` (inclusive) and `to` (exclusive) are dates or ISO 8601 with offset, at most 93 days. One row per station and hour, ordered by station then hour; an hour is labelled by its start in China Standard Time (ADR 0002: 08:00 covers 08:00–09:00). UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese names.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapGet("/downloads/water-daily.csv", WaterDailyCsv.GetAsync).WithTags("Portal").PublicData()
            .WithSummary("CSV of the stored days of the surface-water sections of a region, or of one section, for a period: daily means, class and main pollutants.")
            .WithDescription("`region` (2, 4 or 6-digit code prefix) or `station` (one MN), at least one; `from` (inclusive) and `to` (exclusive) are dates or ISO 8601 with offset, at most 366 days. One row per section and stored day (00:00–24:00 China Standard Time), ordered by section then day: the section class of the day's means for its water body (GB 3838-2002, 地表水环境质量评价办法（试行）; lakes and reservoirs with the lake TP limits), quality word, target class and whether it is met, up to three main pollutants, then the daily mean of each GB 3838-2002 Table 1 item in its unit (pH dimensionless, fecal coliform 个/L, the rest mg/L), empty when not measured. UTF-8 with a byte-order mark.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return api;
    }

    private static async Task<Results<FileContentHttpResult, InvalidParameterProblem>> HourlyCsvAsync(
        string? region, string? station, string? from, string? to, IStationStore stations, IEvaluationStore evaluations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Validate(region, station, from, to, time, MaxRange, "93 days", out EvaluationRange range) is { } bad)
        {
            return bad;
        }

        Station[] selected = await SelectAsync(stations, StationType.AirQuality, region, station, cancellationToken);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (Station s in selected)
        {
            IReadOnlyList<HourlyAqiRecord> hours = await evaluations.QueryHourlyAsync(EvaluationSubject.Of(s.Id), range.Start, range.End, cancellationToken);
            foreach (HourlyAqiRecord h in hours)
            {
                AppendRow(csv, s, h);
            }
        }

        byte[] body = Body(csv);
        string name = $"ecomonitor-aqi-{(string.IsNullOrEmpty(station) ? region : station)}-{ApiTime.FormatDate(range.FirstDay)}.csv";
        return TypedResults.File(body, "text/csv; charset=utf-8", name);
    }

    // Every text cell through CsvCell.Text (neutralised when a spreadsheet could read it as a formula), numbers through CsvCell.Number.
    private static void AppendRow(StringBuilder csv, Station s, HourlyAqiRecord h)
    {
        AqiCategory? category = h.Aqi is { } aqi ? AqiCategories.For(aqi) : null;
        csv.Append(CsvCell.Text(s.Id.Value)).Append(',').Append(CsvCell.Text(s.Name)).Append(',').Append(CsvCell.Text(s.Region.Value)).Append(',')
            .Append(CsvCell.Text(ApiTime.Format(h.HourStart))).Append(',').Append(CsvCell.Number(h.Aqi)).Append(',').Append(CsvCell.Number(category?.Level)).Append(',')
            .Append(CsvCell.Text(category?.Name)).Append(',').Append(CsvCell.Text(h.Primary.Replace(',', ' ')))
            .Append(',').Append(CsvCell.Number(h.So2)).Append(',').Append(CsvCell.Number(h.No2)).Append(',').Append(CsvCell.Number(h.Pm10))
            .Append(',').Append(CsvCell.Number(h.Pm25)).Append(',').Append(CsvCell.Number(h.Co)).Append(',').Append(CsvCell.Number(h.O3)).Append("\r\n");
    }

    /// <summary>The checks both downloads make of their query; null when it is good.</summary>
    internal static InvalidParameterProblem? Validate(
        string? region, string? station, string? from, string? to, TimeProvider time, Duration maxRange, string maxText, out EvaluationRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(region) && string.IsNullOrEmpty(station))
        {
            return Bad("Give region (a code prefix such as 51 or 5101) or station (an MN).");
        }

        if (region is not null && (region.Length is not (2 or 4 or 6) || !region.All(char.IsAsciiDigit)))
        {
            return Bad($"region '{region}' is not 2, 4 or 6 digits.");
        }

        if (from is null || to is null)
        {
            return Bad("from and to are required (e.g. from=2019-12-18&to=2019-12-25).");
        }

        return EvaluationRange.TryParse(from, to, time.GetUtcNow(), Duration.Zero, maxRange, out range, out string? error)
            ? null
            : Bad(error.Replace("3 years", maxText, StringComparison.Ordinal));
    }

    /// <summary>The stations of <paramref name="type"/> in the region (a 6-digit code ending in 00 means its city or province), or the one station.</summary>
    internal static async Task<Station[]> SelectAsync(IStationStore stations, StationType type, string? region, string? station, CancellationToken cancellationToken)
    {
        string prefix = region is { Length: 6 } && region.EndsWith("00", StringComparison.Ordinal) ? region[..(region.EndsWith("0000", StringComparison.Ordinal) ? 2 : 4)] : region ?? "";
        return [.. (await stations.ListAsync(cancellationToken))
            .Where(s => s.Type == type && s.Region.Value.StartsWith(prefix, StringComparison.Ordinal)
                && (string.IsNullOrEmpty(station) || string.Equals(s.Id.Value, station, StringComparison.Ordinal)))];
    }

    /// <summary>A CSV body: UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese names.</summary>
    internal static byte[] Body(StringBuilder csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];

    internal static InvalidParameterProblem Bad(string detail) => new InvalidParameterProblem(detail);
}
