using EcoMonitor.Standards.Air;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api.Portal;

/// <summary>The HJ 633-2012 level table the portal colours and advises with, so that pages never copy it.</summary>
internal static class AqiLevelEndpoints
{
    public static RouteGroupBuilder MapAqiLevelEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/aqi/levels", Levels).WithTags("Portal").PublicData()
            .WithSummary("The six AQI levels of HJ 633-2012 Table 2: range, category, Appendix A colour, health implications and suggested measures.");
        return api;
    }

    private static Ok<AqiLevelDto[]> Levels() => TypedResults.Ok(AqiCategories.Rows.Select(AqiLevelDto.From).ToArray());
}
