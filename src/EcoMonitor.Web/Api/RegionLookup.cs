using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>
/// Resolves the <c>{code}</c> of a region endpoint to a city (a prefecture code, ending in 00) or a county (a
/// county-level code) with at least one air-quality station.
/// </summary>
internal static class RegionLookup
{
    public static async Task<Results<Ok<EvaluationSubject>, UnknownRegionProblem, InvalidParameterProblem>> FindAsync(
        string code, string? network, IStationStore stations, CancellationToken cancellationToken)
    {
        AssessmentNetworks? inNetwork = null;
        if (network is not null)
        {
            if (!AssessmentNetworkNames.Names.TryGetValue(network, out AssessmentNetworks one))
            {
                return new InvalidParameterProblem($"network '{Cut(network)}' is not one of {AssessmentNetworkNames.Known}.");
            }

            inNetwork = one;
        }

        if (!RegionCode.TryParse(code, out RegionCode region) || region.Province == region)
        {
            return new InvalidParameterProblem($"region '{code}' is not the 6-digit code of a city (e.g. 510100) or a county (e.g. 510104).");
        }

        bool isCity = region.Prefecture == region;
        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        bool hasStation = all.Any(s => s.Type == StationType.AirQuality && (isCity ? s.Region.Prefecture == region : s.Region == region));
        if (!hasStation)
        {
            return new UnknownRegionProblem($"No air-quality station is registered in {(isCity ? "city" : "county")} '{code}'.");
        }

        EvaluationSubject official = isCity ? EvaluationSubject.Of(region) : EvaluationSubject.OfCounty(region);
        return TypedResults.Ok(inNetwork is { } n ? official.InNetwork(n) : official);
    }

    private static string Cut(string text) => text.Length <= 24 ? text : text[..24];
}
