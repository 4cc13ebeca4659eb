using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>Resolves the <c>{code}</c> of a region endpoint to a city: a prefecture code with at least one air-quality station.</summary>
internal static class CityLookup
{
    public static async Task<Results<Ok<EvaluationSubject>, NotFound<ProblemDetailsBody>, BadRequest<ProblemDetailsBody>>> FindAsync(
        string code, IStationStore stations, CancellationToken cancellationToken)
    {
        if (!RegionCode.TryParse(code, out RegionCode region) || region.Prefecture != region || region.Province == region)
        {
            return TypedResults.BadRequest(new ProblemDetailsBody("Bad region", $"'{code}' is not the 6-digit code of a city (prefecture level, e.g. 510100)."));
        }

        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        return all.Any(s => s.Type == StationType.AirQuality && s.Region.Prefecture == region)
            ? TypedResults.Ok(EvaluationSubject.Of(region))
            : TypedResults.NotFound(new ProblemDetailsBody("Unknown city", $"No air-quality station is registered in city '{code}'."));
    }
}
