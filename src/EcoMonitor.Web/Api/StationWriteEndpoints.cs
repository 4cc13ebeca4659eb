using System.Text.Json;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>
/// Registering stations through the API, validated by the same rules as the registry file. A request is all or
/// nothing: if any entry is refused, none is stored and every refusal is listed.
/// </summary>
internal static class StationWriteEndpoints
{
    /// <summary>Stations one request may register (larger networks: the registry file, or several requests).</summary>
    public const int MaxStations = 5_000;

    public static RouteGroupBuilder MapStationWriteEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/stations", RegisterAsync)
            .WithTags("Stations")
            .RequireAuthorization(Roles.WritePolicy)
            .Accepts<StationInput>("application/json")
            .WithSummary("Registers or replaces one station (a JSON object) or several (a JSON array), by MN.")
            .WithDescription("Validated like the registry file (docs/registry.md). 201 when at least one station is new, 200 when all replaced existing ones, 400 with the refused entries (and nothing stored) otherwise. Every added or changed station is recorded in the audit trail (`GET /api/v1/audit?subjectType=station&subjectId=<mn>`). Needs `Authorization: Bearer <key>`.");
        return api;
    }

    private static async Task<Results<Created<StationWriteResult>, Ok<StationWriteResult>, BadRequest<StationWriteResult>>> RegisterAsync(
        JsonElement body, StationRegistry registry, RegionCatalog regions, HttpContext context, CancellationToken cancellationToken)
    {
        if (body.ValueKind == JsonValueKind.Array && body.GetArrayLength() > MaxStations)
        {
            return TypedResults.BadRequest(new StationWriteResult([], 0,
                [new RegistryErrorDto(-1, null, "body", $"{body.GetArrayLength()} entries; at most {MaxStations} per request (send the rest in further requests)")]));
        }

        StationRegistryParseResult read = StationRegistryFile.Read(body.ValueKind == JsonValueKind.Array ? body.EnumerateArray() : [body], regions);
        List<RegistryEntryError> errors = [.. read.Errors];
        IReadOnlyList<Station> stations = read.Stations;
        if (errors.Count > 0 || stations.Count == 0)
        {
            if (errors.Count == 0)
            {
                errors.Add(new RegistryEntryError(-1, null, "body", "The body holds no station."));
            }

            return TypedResults.BadRequest(new StationWriteResult([], 0, errors.Select(RegistryErrorDto.From).ToArray()));
        }

        int added = await registry.UpsertAsync(stations, AuditActor.Of(context), "POST /api/v1/stations", cancellationToken);
        StationWriteResult result = new(stations.Select(StationDto.From).ToArray(), added, []);
        return added > 0
            ? TypedResults.Created($"/api/v1/stations/{Uri.EscapeDataString(stations[0].Id.Value)}", result)
            : TypedResults.Ok(result);
    }
}
