using System.Text.Json;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
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
            .RequirePermission(Permission.StationsWrite)
            .AcceptsOneOrMany<StationInput>()
            .WithSummary("Registers or replaces one station (a JSON object) or several (a JSON array), by MN.")
            .WithDescription("Validated like the registry file (docs/registry.md). 201 when at least one station is new, 200 when all replaced existing ones, 400 `invalid-body` with every refused entry in `errors` (`$[1].region`: the field of the entry at that position; `$.region` for a single object) and nothing stored otherwise. Every added or changed station is recorded in the audit trail (`GET /api/v1/audit?subjectType=station&subjectId=<mn>`).");
        return api;
    }

    private static async Task<Results<Created<StationWriteResult>, Ok<StationWriteResult>, InvalidBodyProblem>> RegisterAsync(
        JsonElement body, StationRegistry registry, RegionCatalog regions, IStationStore store, HttpContext context, CancellationToken cancellationToken)
    {
        bool isArray = body.ValueKind == JsonValueKind.Array;
        if (isArray && body.GetArrayLength() > MaxStations)
        {
            string reason = $"{body.GetArrayLength()} entries; at most {MaxStations} per request (send the rest in further requests)";
            return new InvalidBodyProblem(reason + ".", ApiProblems.Errors("$", reason));
        }

        StationRegistryParseResult read = StationRegistryFile.Read(isArray ? body.EnumerateArray() : [body], regions);
        List<RegistryEntryError> errors = [.. read.Errors];
        IReadOnlyList<Station> stations = read.Stations;
        if (errors.Count == 0)
        {
            errors.AddRange(await OutsideScopeAsync(stations, StaffScope.Of(context.User), store, cancellationToken));
        }

        if (errors.Count > 0 || stations.Count == 0)
        {
            if (errors.Count == 0)
            {
                errors.Add(new RegistryEntryError(-1, null, "body", "The body holds no station."));
            }

            int refused = errors.Select(e => e.Index).Where(i => i >= 0).Distinct().Count();
            string detail = refused == 0
                ? string.Join("; ", errors.Select(e => e.Reason)) + "; nothing was stored."
                : $"{refused} {(refused == 1 ? "entry was" : "entries were")} refused; nothing was stored.";
            return new InvalidBodyProblem(
                detail,
                ApiProblems.Errors(errors.Select(e => (ApiProblems.Place(isArray, e.Index, e.Field), e.Reason))));
        }

        int added = await registry.UpsertAsync(stations, AuditActor.Of(context), "POST /api/v1/stations", cancellationToken);
        StationWriteResult result = new(stations.Select(StationDto.From).ToArray(), added);
        return added > 0
            ? TypedResults.Created($"/api/v1/stations/{Uri.EscapeDataString(stations[0].Id.Value)}", result)
            : TypedResults.Ok(result);
    }

    /// <summary>
    /// The entries a caller of <paramref name="scope"/> may not write (entry i is stations[i] when the body had no other
    /// error): a station placed outside the jurisdiction, or an MN already registered outside it (it is not theirs to move).
    /// </summary>
    private static async Task<List<RegistryEntryError>> OutsideScopeAsync(
        IReadOnlyList<Station> stations, AccessScope scope, IStationStore store, CancellationToken cancellationToken)
    {
        List<RegistryEntryError> errors = [];
        if (scope.IsEverything)
        {
            return errors;
        }

        for (int i = 0; i < stations.Count; i++)
        {
            Station station = stations[i];
            if (!scope.Covers(station))
            {
                errors.Add(new RegistryEntryError(i, station.Id.Value, "region", $"region {station.Region} lies outside your jurisdiction ({scope})"));
            }
            else if (await store.GetAsync(station.Id, cancellationToken) is { } existing && !scope.Covers(existing))
            {
                errors.Add(new RegistryEntryError(i, station.Id.Value, "mn", $"MN '{station.Id}' is registered outside your jurisdiction; only whoever's jurisdiction covers it may change it"));
            }
        }

        return errors;
    }
}
