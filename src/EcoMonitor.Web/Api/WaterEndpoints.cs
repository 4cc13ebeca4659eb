using EcoMonitor.Application.Access;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Rounding;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace EcoMonitor.Web.Api;

/// <summary>Surface-water classes (GB 3838-2002) of a section per value, day and month, and of every section.</summary>
internal static class WaterEndpoints
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Iso;
    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.Iso;

    public static RouteGroupBuilder MapWaterEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stations/{mn}/water", SectionAsync).WithTags("Evaluation").PublicData()
            .WithSummary("A surface-water section's class per value (hour), day or month (GB 3838-2002).")
            .WithDescription("""
                `interval` is hour (default), day or month. hour: every hour with valid values, each value classed for the section's water body (lakes and reservoirs use their TP limits) and the hour's section class. day: the stored daily means (recomputed within seconds when values arrive, are back-filled or revised, or a reviewer decides on them) and the day's class. Valid values are those the quality gate lets through, as for air: values with an invalid quality finding (flags other than N and S, physical range …) are left out unless a reviewer confirmed them, values a reviewer marked invalid are left out (GET /stations/{mn}/reviewed shows each value's verdict). month: the mean of the month's daily means per item and its class. The section class follows 地表水环境质量评价办法（试行）: the worst class of the evaluated items; TN and fecal coliform are reported separately; up to three main pollutants by exceedance multiple when worse than class III; compared with the section's target class. For a drinking-water source (registry `drinkingWaterSource: true`, 集中式生活饮用水地表水源地) each period also lists the GB 3838-2002 Table 2 supplementary items measured (sulfate w21038, chloride w21022, nitrate w21007, Fe w20125, Mn w20124) against their limits in `drinkingSourceItems` with exceedance multiples, and the items above their limits in `drinkingSourceExceeding`; they do not change the section's class. Both are null for other sections.
                `from` (inclusive) and `to` (exclusive) are ISO 8601 with offset or a date (00:00 CST); default the last 7 days (hour), 30 days (day) or 366 days (month); at most 3 years. Periods are identified by their start (ADR 0002).
                """);
        api.MapGet("/water/sections", SectionsAsync).WithTags("Evaluation").PublicData()
            .WithSummary("Every surface-water section with its latest daily class.")
            .WithDescription("For each surface-water station: its latest stored day on or before `day` (yyyy-MM-dd, default today CST) within the year before, with the class, main pollutants and items; `latest` is null when it has none.");
        return api;
    }

    private static async Task<Results<Ok<WaterAssessmentDto[]>, UnknownStationProblem, InvalidParameterProblem>> SectionAsync(
        string mn, string? interval, string? from, string? to, IStationStore stations, StationValidity validity,
        IEvaluationStore evaluations, TimeProvider time, CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, AccessScope.Everything, stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        if (station.Type != StationType.SurfaceWater)
        {
            return new InvalidParameterProblem($"Station '{mn}' is of type {station.Type}; water classes are for surface-water sections.");
        }

        string kind = (interval ?? "hour").ToLowerInvariant();
        Duration defaultLength = kind switch { "day" => Duration.FromDays(30), "month" => Duration.FromDays(366), _ => Duration.FromDays(7) };
        if (kind is not ("hour" or "day" or "month"))
        {
            return new InvalidParameterProblem($"interval '{interval}' is not hour, day or month.");
        }

        if (!EvaluationRange.TryParse(from, to, time.GetUtcNow(), defaultLength, out EvaluationRange range, out string? error))
        {
            return new InvalidParameterProblem(error);
        }

        if (kind == "hour")
        {
            return TypedResults.Ok(await HoursAsync(station, range, validity, cancellationToken));
        }

        IReadOnlyList<WaterDayRecord> days = range.HasDays
            ? await evaluations.QueryWaterDaysAsync(station.Id, range.FirstDay, range.LastDay, cancellationToken)
            : [];
        return TypedResults.Ok(kind == "day"
            ? [.. days.Select(d => WaterAssessmentDto.From(DayPattern.Format(d.Day), station, Values(d.Means)))]
            : Months(station, days));
    }

    private static async Task<Results<Ok<WaterSectionDto[]>, InvalidParameterProblem>> SectionsAsync(
        string? day, IStationStore stations, IEvaluationStore evaluations, TimeProvider time, CancellationToken cancellationToken)
    {
        LocalDate last = ChinaTime.ToLocal(Instant.FromDateTimeOffset(time.GetUtcNow())).Date;
        if (day is not null && !ApiTime.TryParseDate(day, out last))
        {
            return new InvalidParameterProblem($"day '{day}' is not a date from 2000-01-01 to 2099-12-31 (yyyy-MM-dd).");
        }

        IReadOnlyList<WaterDayRecord> days = await evaluations.QueryWaterDaysAsync(null, last.PlusDays(-366), last, cancellationToken);
        var latest = days.GroupBy(d => d.Station).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Day)!);
        IEnumerable<Station> sections = (await stations.ListAsync(cancellationToken)).Where(s => s.Type == StationType.SurfaceWater);
        return TypedResults.Ok(sections
            .Select(s => new WaterSectionDto(
                StationDto.From(s),
                latest.TryGetValue(s.Id, out WaterDayRecord? d) ? WaterAssessmentDto.From(DayPattern.Format(d.Day), s, Values(d.Means)) : null))
            .ToArray());
    }

    private static async Task<WaterAssessmentDto[]> HoursAsync(Station station, EvaluationRange range, StationValidity validity, CancellationToken cancellationToken)
    {
        // The same gate as the day (and as air): quality findings and review decisions decide which values count.
        ValidityResult values = await validity.CheckAsync(
            station.Id, ObservationInterval.Hour, range.Start, range.End, WaterParameters.AllCodes, isForEvaluation: true, cancellationToken);
        return
        [
            .. values.Valid
                .Where(o => o.Value.HasValue)
                .GroupBy(o => o.PeriodStart)
                .OrderBy(g => g.Key)
                .Select(g => WaterAssessmentDto.From(ApiTime.Format(g.Key), station, [.. g.Select(o => (o.Parameter, o.Value!.Value, (int?)null))])),
        ];
    }

    private static WaterAssessmentDto[] Months(Station station, IReadOnlyList<WaterDayRecord> days) =>
    [
        .. days
            .GroupBy(d => new YearMonth(d.Day.Year, d.Day.Month))
            .OrderBy(g => g.Key)
            .Select(month => WaterAssessmentDto.From(MonthPattern.Format(month.Key), station,
            [
                .. month.SelectMany(d => d.Means)
                    .GroupBy(m => m.Parameter)
                    .Select(p => (p.Key, GbT8170.Round(p.Average(m => m.Mean), WaterDayEvaluator.MeanDecimals), (int?)p.Sum(m => m.Values))),
            ])),
    ];

    private static (ParameterCode Parameter, decimal Value, int? Values)[] Values(IReadOnlyList<WaterItemMean> means) =>
        [.. means.Select(m => (m.Parameter, m.Mean, (int?)m.Values))];
}
