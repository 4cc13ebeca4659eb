using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>
/// Basin and river ratings and lake trophic states (地表水环境质量评价办法（试行）), computed from the stored section days
/// like the city water ranking. Public data, like every published water figure: anyone may call them; they filter only
/// by the optional region; they write nothing, so nothing is audited; strangers are limited by the anonymous rate
/// limit and the output cache like the city ranking, and a period is at most three years.
/// </summary>
internal static class WaterBodyEndpoints
{
    private const string PeriodDescription = "The period as for the air statistics (`period` yyyy, yyyy-MM, yyyy-Qn or yyyy-MM-dd, or `from` and `to`, at most 3 years). `within` (optional) keeps the sections of one province or city (e.g. 520000).";

    public static RouteGroupBuilder MapWaterBodyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/rankings/water/basins", RateAsync).WithTags("Evaluation").PublicData()
            .WithSummary("Basins or rivers rated by the classes of their sections (地表水环境质量评价办法（试行）二(二)) for a period.")
            .WithDescription("Per section the period mean of each GB 3838-2002 item (the mean of its daily means, as for the city ranking) gives its class. `by` is basin (default: sections grouped by their registered `basin`) or river (river sections grouped by their registered `waterBodyName`); sections without one are left out. With five sections or more: 优 when class I–III ≥ 90 %, 良好 75–90 %, else by the share of 劣V: < 20 % 轻度污染, 20–40 % 中度污染, ≥ 40 % 重度污染. With fewer: each item averaged over the sections and classified (single-factor method); the class's quality word is the rating. Exceeding items: those worse than class III at any section, by section exceedance rate; the main items are the first three when rated 轻度污染 or worse (with fewer than five sections: the mean sample's main pollutants). Best first: share of I–III descending, 劣V ascending, name. " + PeriodDescription);
        api.MapGet("/water/lakes/trophic", LakesAsync).WithTags("Evaluation").PublicData()
            .WithSummary("Lakes and reservoirs with their trophic level index TLI(Σ) and trophic state for a period (地表水环境质量评价办法（试行）附).")
            .WithDescription("Sections on a lake or reservoir (registry `waterBody`) grouped by their registered `waterBodyName` (a section without one stands alone). Per item the mean over the sections of their period means: chlorophyll a (w01016, mg/m³), TP, TN, transparency SD (w01004, m), CODMn. TLI(Σ) = Σ W_j·TLI(j) with the CNEMC weights (0.2663, 0.1879, 0.1790, 0.1834, 0.1834), 1 decimal, when all five are measured and positive, else null with the missing items named; state: < 30 贫营养, 30–50 中营养, 50–60 轻度富营养, 60–70 中度富营养, > 70 重度富营养. The class is that of the mean of each GB 3838-2002 item on the lake limits; TN's class separately. Ordered by TLI (lakes without one last). " + PeriodDescription);
        return api;
    }

    private static async Task<Results<Ok<WaterBodyRatingDto[]>, InvalidParameterProblem>> RateAsync(
        string? period, string? from, string? to, string? by, string? within, WaterBodyAssessmentService assessments, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!StatisticsEndpoints.TryParsePeriod(period, from, to, time, out EvaluationRange range, out InvalidParameterProblem? bad)
            || !TryParseWithin(within, out RegionCode? area, out bad))
        {
            return bad!;
        }

        if (by is not (null or "basin" or "river"))
        {
            return new InvalidParameterProblem($"by '{by}' is neither basin nor river.");
        }

        WaterBodyGrouping grouping = by == "river" ? WaterBodyGrouping.River : WaterBodyGrouping.Basin;
        IReadOnlyList<WaterBodyRating> ratings = await assessments.RateAsync(range.FirstDay, range.LastDay, grouping, area, cancellationToken);
        return TypedResults.Ok(ratings.Select(WaterBodyRatingDto.From).ToArray());
    }

    private static async Task<Results<Ok<LakeTrophicDto[]>, InvalidParameterProblem>> LakesAsync(
        string? period, string? from, string? to, string? within, WaterBodyAssessmentService assessments, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!StatisticsEndpoints.TryParsePeriod(period, from, to, time, out EvaluationRange range, out InvalidParameterProblem? bad)
            || !TryParseWithin(within, out RegionCode? area, out bad))
        {
            return bad!;
        }

        IReadOnlyList<LakeTrophicState> lakes = await assessments.LakesAsync(range.FirstDay, range.LastDay, area, cancellationToken);
        return TypedResults.Ok(lakes.Select(LakeTrophicDto.From).ToArray());
    }

    /// <summary>Parses the optional <c>within</c> region of the water figures.</summary>
    internal static bool TryParseWithin(string? within, out RegionCode? area, out InvalidParameterProblem? bad)
    {
        area = null;
        bad = null;
        if (within is null)
        {
            return true;
        }

        if (!RegionCode.TryParse(within, out RegionCode code))
        {
            bad = new InvalidParameterProblem($"within '{within}' is not a 6-digit region code (e.g. 520000 or 520100).");
            return false;
        }

        area = code;
        return true;
    }
}
