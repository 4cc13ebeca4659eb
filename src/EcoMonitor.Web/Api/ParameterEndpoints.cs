using EcoMonitor.Application.Registry;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>The parameter catalog.</summary>
internal static class ParameterEndpoints
{
    public static RouteGroupBuilder MapParameterEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/parameters", List).WithTags("Parameters").PublicData().WithSummary("All parameters, keyed by HJ 212-2017 code, with names, unit and decimals.");
        return api;
    }

    private static Ok<ParameterDto[]> List(ParameterCatalog catalog) =>
        TypedResults.Ok(catalog.All.OrderBy(p => p.Code.Value, StringComparer.Ordinal).Select(ParameterDto.From).ToArray());
}
