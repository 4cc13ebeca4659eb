using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>The city surface-water ranking by CWQI (城市地表水环境质量排名技术规定), computed from the stored section days.</summary>
internal static class WaterRankingEndpoints
{
    public static RouteGroupBuilder MapWaterRankingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/rankings/water/cities", RankAsync).WithTags("Evaluation").PublicData()
            .WithSummary("Cities ranked by surface-water quality index (CWQI, 城市地表水环境质量指数) or its improvement for a period.")
            .WithDescription("Per section the period mean of each GB 3838-2002 item (mean of its daily means) gives the section CWQI (Σ C / class III limit; DO 5 / C; pH per 城市地表水环境质量排名技术规定（试行）) and class; a city's CWQI is the mean of its sections' (the prefecture of each section's region), 4 decimals. `by` is cwqi (default, ascending, smaller is better) or improvement (the change rate against the same period of the previous year, ascending; cities without last year left out). Equal values share a rank. Each row carries last year's CWQI, the change and the share of sections meeting their registered target class. `within` (optional) keeps the sections of one province or city (e.g. 520000) and ranks its cities among themselves. The period as for the air statistics (`period`, or `from` and `to`, at most 3 years).");
        return api;
    }

    private static async Task<Results<Ok<WaterCityRankDto[]>, InvalidParameterProblem>> RankAsync(
        string? period, string? from, string? to, string? by, string? within, WaterRankingService rankings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!StatisticsEndpoints.TryParsePeriod(period, from, to, time, out EvaluationRange range, out InvalidParameterProblem? bad)
            || !WaterBodyEndpoints.TryParseWithin(within, out RegionCode? area, out bad))
        {
            return bad!;
        }

        if (by is not (null or "cwqi" or "improvement"))
        {
            return new InvalidParameterProblem($"by '{by}' is neither cwqi nor improvement.");
        }

        IReadOnlyList<WaterCityRank> ranking = await rankings.RankCitiesAsync(range.FirstDay, range.LastDay, by == "improvement", area, cancellationToken);
        return TypedResults.Ok(ranking.Select(WaterCityRankDto.From).ToArray());
    }
}
