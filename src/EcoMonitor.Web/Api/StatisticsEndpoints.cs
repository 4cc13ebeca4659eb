using EcoMonitor.Application.Access;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>HJ 663-2013 period statistics and the city ranking, computed on demand from the stored daily values and cached.</summary>
internal static class StatisticsEndpoints
{
    /// <summary>What the <c>network</c> parameter of the region endpoints selects (ADR 0037).</summary>
    internal const string NetworkDescription =
        "Without `network`: the official figures — a city's from its national assessment stations (国控), a county's from its provincial assessment stations (省控); a region without any station of that network takes the next it has (city: provincial, then city; county: national, then county, then city). Background (对照点), sensor (微站) and research stations never count. `network` (national, provincial, city, county, background, sensor or research) gives the figures of that network's stations only (empty when the region has none); the statistics' `code` is then `{code}:{network}`. ";

    private const string PeriodDescription =
        "The period is either `period` — " + StatisticsPeriod.Forms + ", China Standard Time — or `from` (inclusive) and `to` (exclusive), dates or ISO 8601 with offset: the days whose 00:00 CST lies in the range (e.g. from=2019-12-01&to=2020-01-01 is December 2019, the same as period=2019-12), at most 3 years. Values are rounded per GB/T 8170; a period's validity follows GB 3095-2012 Table 4 (≥ 27 valid days in each full month, February ≥ 25, ≥ 324 in a full year). Cached until the next recomputation.";

    private const string MeasureDescription =
        "`by` (城市环境空气质量排名技术规定) is " + RankingMeasures.Forms + ": the comprehensive index ascending; improvement — the index's change rate against the same period of the previous year, (now − last year) / last year × 100 %, 1 decimal, ascending (the largest fall first; regions without last year's index are left out); goodDays — the good-day ratio descending; a pollutant — its HJ 663 statistic for the period (SO2, NO2, PM10, PM2.5 mean; CO 95th percentile; O3 daily-max-8-h 90th percentile) ascending. Equal values share a rank (1, 1, 3). `dust=excluded` leaves the days marked in the dust-day register (`/api/v1/dust-days`; a county: its city's marks) out of both periods (扣沙); default included. Every row carries `value` (this period; improvement: the index), `lastYear` (the same period a year earlier) and `change` (rate in %, goodDays: percentage points).";

    public static RouteGroupBuilder MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stations/{mn}/statistics", StationStatisticsAsync).WithTags("Evaluation").PublicData()
            .WithSummary("An air-quality station's HJ 663-2013 statistics for a period (day, month, quarter, year or custom).")
            .WithDescription("As the city statistics, from the station's own daily values (a station is evaluated, not ranked). " + PeriodDescription);
        api.MapGet("/regions/{code}/statistics", CityStatisticsAsync).WithTags("Evaluation").PublicData()
            .WithSummary("A city's or county's HJ 663-2013 statistics for a period (month, quarter, year or custom).")
            .WithDescription("Per pollutant: mean (SO2, NO2, PM10, PM2.5), the 98th/95th percentile of 24-h means (CO: 95th), the 90th percentile of O3 daily maximum 8-h means, exceedance days and compliance with GB 3095-2012 class 2; days per AQI level, share of good days (优良天数比例) and the comprehensive index (综合指数) of 城市环境空气质量排名技术规定. `dust=excluded` leaves out the days marked in the dust-day register (`/api/v1/dust-days`; a county: its city's marks); default included. " + NetworkDescription + PeriodDescription);
        api.MapGet("/rankings/cities", RankingAsync).WithTags("Evaluation").PublicData()
            .WithSummary("Cities ranked by comprehensive index (综合指数), its improvement, good-day ratio or a pollutant for a period.")
            .WithDescription("Each city's official figures: its national assessment stations (ADR 0037). " + MeasureDescription + " Cities lacking the measure's value for the period are left out. " + PeriodDescription);
        api.MapGet("/rankings/counties", CountyRankingAsync).WithTags("Evaluation").PublicData()
            .WithSummary("Counties ranked like the cities (综合指数, improvement, good-day ratio or a pollutant) for a period.")
            .WithDescription("The method of the city ranking applied to counties (each county evaluated from its counted stations per HJ 663-2013 clause 4; its official figures: its provincial assessment stations, ADR 0037). `within` (optional) keeps the counties of one province or city (e.g. 510000 or 510100) and ranks them among themselves. " + MeasureDescription + " Counties lacking the measure's value are left out. " + PeriodDescription);
        return api;
    }

    private static async Task<Results<Ok<AirStatisticsDto>, UnknownRegionProblem, InvalidParameterProblem>> CityStatisticsAsync(
        string code, string? period, string? from, string? to, string? network, string? dust, IStationStore stations, AirStatisticsService statistics,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParsePeriod(period, from, to, time, out EvaluationRange range, out InvalidParameterProblem? bad))
        {
            return bad;
        }

        if (!TryParseDust(dust, out DustDayTreatment treatment, out bad))
        {
            return bad;
        }

        Results<Ok<EvaluationSubject>, UnknownRegionProblem, InvalidParameterProblem> city = await RegionLookup.FindAsync(code, network, stations, cancellationToken);
        if (city.Result is not Ok<EvaluationSubject> found)
        {
            return city.Result is UnknownRegionProblem notFound ? notFound : (InvalidParameterProblem)city.Result;
        }

        AirPeriodStatistics result = await statistics.GetAsync(found.Value!, range.FirstDay, range.LastDay, treatment, cancellationToken);
        return TypedResults.Ok(AirStatisticsDto.From(result));
    }

    private static async Task<Results<Ok<AirStatisticsDto>, UnknownStationProblem, InvalidParameterProblem>> StationStatisticsAsync(
        string mn, string? period, string? from, string? to, IStationStore stations, AirStatisticsService statistics, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParsePeriod(period, from, to, time, out EvaluationRange range, out InvalidParameterProblem? bad))
        {
            return bad;
        }

        Station? station = await StationLookup.FindAsync(mn, AccessScope.Everything, stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        if (station.Type != StationType.AirQuality)
        {
            return new InvalidParameterProblem($"station '{mn}' is a {station.Type} station; HJ 663 statistics are for air-quality stations.");
        }

        AirPeriodStatistics result = await statistics.GetAsync(EvaluationSubject.Of(station.Id), range.FirstDay, range.LastDay, cancellationToken);
        return TypedResults.Ok(AirStatisticsDto.From(result));
    }

    private static async Task<Results<Ok<CityRankDto[]>, InvalidParameterProblem>> RankingAsync(
        string? period, string? from, string? to, string? by, string? dust, AirStatisticsService statistics, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParsePeriod(period, from, to, time, out EvaluationRange range, out InvalidParameterProblem? bad))
        {
            return bad;
        }

        if (!RankingMeasures.TryParse(by, out AirRankingMeasure measure))
        {
            return new InvalidParameterProblem($"by '{by}' is not a ranking measure: {RankingMeasures.Forms}.");
        }

        if (!TryParseDust(dust, out DustDayTreatment treatment, out bad))
        {
            return bad;
        }

        IReadOnlyList<RegionRank> ranking = await statistics.RankAsync(EvaluationScope.City, null, range.FirstDay, range.LastDay, measure, treatment, cancellationToken);
        return TypedResults.Ok(ranking.Select(CityRankDto.From).ToArray());
    }

    private static async Task<Results<Ok<CountyRankDto[]>, InvalidParameterProblem>> CountyRankingAsync(
        string? period, string? from, string? to, string? within, string? by, string? dust, AirStatisticsService statistics, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!TryParsePeriod(period, from, to, time, out EvaluationRange range, out InvalidParameterProblem? bad))
        {
            return bad;
        }

        if (!RankingMeasures.TryParse(by, out AirRankingMeasure measure))
        {
            return new InvalidParameterProblem($"by '{by}' is not a ranking measure: {RankingMeasures.Forms}.");
        }

        if (!TryParseDust(dust, out DustDayTreatment treatment, out bad))
        {
            return bad;
        }

        RegionCode area = default;
        if (within is not null && !RegionCode.TryParse(within, out area))
        {
            return new InvalidParameterProblem($"within '{within}' is not a 6-digit region code (e.g. 510000 or 510100).");
        }

        IReadOnlyList<RegionRank> ranking = await statistics.RankAsync(
            EvaluationScope.County, within is null ? null : area, range.FirstDay, range.LastDay, measure, treatment, cancellationToken);
        return TypedResults.Ok(ranking.Select(CountyRankDto.From).ToArray());
    }

    private static bool TryParseDust(
        string? dust, out DustDayTreatment treatment, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out InvalidParameterProblem? bad)
    {
        bad = null;
        treatment = dust == "excluded" ? DustDayTreatment.Excluded : DustDayTreatment.Included;
        if (dust is null or "included" or "excluded")
        {
            return true;
        }

        bad = new InvalidParameterProblem($"dust '{dust}' is neither included nor excluded.");
        return false;
    }

    internal static bool TryParsePeriod(
        string? period, string? from, string? to, TimeProvider time, out EvaluationRange range, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out InvalidParameterProblem? bad)
    {
        bad = null;
        range = default;
        if (period is not null)
        {
            if (from is not null || to is not null)
            {
                bad = new InvalidParameterProblem("give either period or from and to, not both.");
                return false;
            }

            if (!StatisticsPeriod.TryParse(period, out LocalDate first, out LocalDate last, out string? periodError))
            {
                bad = new InvalidParameterProblem(periodError);
                return false;
            }

            range = new EvaluationRange(ChinaTime.ToInstant(first.AtMidnight()), ChinaTime.ToInstant(last.PlusDays(1).AtMidnight()));
            return true;
        }

        if (from is null || to is null)
        {
            bad = new InvalidParameterProblem("give period (e.g. period=2019-12) or from and to (e.g. from=2019-12-01&to=2020-01-01).");
            return false;
        }

        if (!EvaluationRange.TryParse(from, to, time.GetUtcNow(), Duration.Zero, out range, out string? error) || !range.HasDays)
        {
            bad = new InvalidParameterProblem(error ?? "The range holds no day start (00:00 CST).");
            return false;
        }

        return true;
    }
}
