using EcoMonitor.Application.Access;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>Read endpoints of the station registry and of a station's data.</summary>
internal static class StationEndpoints
{
    public static RouteGroupBuilder MapStationEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder stations = api.MapGroup("/stations").WithTags("Stations").PublicData();
        stations.MapGet("/", ListAsync).WithSummary("All stations of the registry, ordered by MN.");
        stations.MapGet("/{mn}", GetAsync).WithSummary("One station.");
        stations.MapGet("/{mn}/latest", LatestAsync)
            .WithSummary("The latest observation of each parameter and interval of a station.");
        stations.MapGet("/{mn}/observations", ObservationsAsync)
            .WithSummary("A station's observations in a time range.")
            .WithDescription("`interval` is realTime, minute, hour (default) or day; `from` (inclusive) and `to` (exclusive) bound the period start and are ISO 8601 with offset, or a date meaning 00:00 China Standard Time; default the last 24 hours. `parameters` is a comma-separated list of HJ 212-2017 codes (default all). At most `limit` rows (default 10,000, at most 100,000).");
        return api;
    }

    private static async Task<Ok<StationDto[]>> ListAsync(IStationStore stations, CancellationToken cancellationToken)
    {
        IReadOnlyList<Station> all = await stations.ListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(StationDto.From).ToArray());
    }

    private static async Task<Results<Ok<StationDto>, UnknownStationProblem>> GetAsync(string mn, IStationStore stations, CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, AccessScope.Everything, stations, cancellationToken);
        return station is null ? StationLookup.NotFound(mn) : TypedResults.Ok(StationDto.From(station));
    }

    private static async Task<Results<Ok<ObservationDto[]>, UnknownStationProblem>> LatestAsync(
        string mn, IStationStore stations, IObservationStore observations, CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, AccessScope.Everything, stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        IReadOnlyList<Observation> latest = await observations.LatestAsync(station.Id, cancellationToken);
        return TypedResults.Ok(latest.Select(ObservationDto.From).ToArray());
    }

    private static async Task<Results<Ok<ObservationDto[]>, UnknownStationProblem, InvalidParameterProblem>> ObservationsAsync(
        string mn,
        string? parameters,
        string? interval,
        string? from,
        string? to,
        int? limit,
        IStationStore stations,
        IObservationStore observations,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, AccessScope.Everything, stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        if (!ObservationQueryParser.TryParse(station.Id, parameters, interval, from, to, limit, time.GetUtcNow(), out ObservationQuery? query, out string? error))
        {
            return new InvalidParameterProblem(error);
        }

        IReadOnlyList<Observation> rows = await observations.QueryAsync(query, cancellationToken);
        return TypedResults.Ok(rows.Select(ObservationDto.From).ToArray());
    }
}
