using System.Security.Claims;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Work;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>Background work set aside after repeated failures of its own: listed for staff, and put back on request (docs/adr/0027).</summary>
internal static class WorkEndpoints
{
    private const int MaxListed = 1_000;

    /// <summary>Set-aside items looked through for a caller who sees part of the network (set-aside work is rare).</summary>
    private const int MaxScanned = 100_000;

    public static RouteGroupBuilder MapWorkEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder work = api.MapGroup("/work").WithTags("Work");
        work.MapGet("/set-aside", ListAsync)
            .RequirePermission(Permission.WorkRead)
            .WithSummary("Station-days the background workers (evaluation, quality checks, alarms) set aside after repeated failures of their own, earliest first.")
            .WithDescription("A station-day whose work keeps failing on its own (e.g. an impossible value that overflows a computation) is tried `Work:MaxAttempts` times (default 3), then set aside with its last error while the rest of the work goes on; a failure of the store itself is never set aside (it is retried with a back-off). Each row: `id`, `kind` (evaluation, quality, alarms), `station`, `interval`, `day` (CST), `error` (type and message), `attempts`, `since` (set aside at), `lastFailedAt`. At most 1,000; only the stations of the caller's jurisdiction.");
        work.MapPost("/set-aside/{id:long}/retry", RetryAsync)
            .RequirePermission(Permission.WorkRetry)
            .WithSummary("Puts set-aside work back: the station-day is worked on again, whole, from what the store holds.")
            .WithDescription("Removes the set-aside record (its attempts start again), records `work.retried` in the audit trail with the record as it was, and hands the day to this node's worker of its kind (another node's sweep takes it up otherwise). If it fails again it is set aside again after the same number of attempts. Answers the record as it was, or 404 when no set-aside work of the caller's jurisdiction has that id.");
        return api;
    }

    private static async Task<Ok<SetAsideWorkDto[]>> ListAsync(ClaimsPrincipal user, IStationStore stations, SetAsideWorkService service, CancellationToken cancellationToken)
    {
        AccessScope scope = StaffScope.Of(user);
        IReadOnlyList<SetAsideWork> items = await service.ListAsync(scope.IsEverything ? MaxListed : MaxScanned, cancellationToken);
        HashSet<StationId> visible = await VisibleAsync(scope, stations, cancellationToken);
        return TypedResults.Ok(items.Where(w => scope.IsEverything || visible.Contains(w.Day.Station)).Take(MaxListed).Select(SetAsideWorkDto.From).ToArray());
    }

    private static async Task<Results<Ok<SetAsideWorkDto>, UnknownSetAsideWorkProblem>> RetryAsync(
        long id, IStationStore stations, SetAsideWorkService service, HttpContext context, CancellationToken cancellationToken)
    {
        AccessScope scope = StaffScope.Of(context.User);
        if (!scope.IsEverything)
        {
            // Work of a station outside the caller's jurisdiction is answered like work that does not exist.
            HashSet<StationId> visible = await VisibleAsync(scope, stations, cancellationToken);
            if ((await service.ListAsync(MaxScanned, cancellationToken)).FirstOrDefault(w => w.Id == id) is not { } item || !visible.Contains(item.Day.Station))
            {
                return UnknownWork(id);
            }
        }

        RetriedWork? retried = await service.RetryAsync(id, AuditActor.Of(context), cancellationToken);
        return retried is null ? UnknownWork(id) : TypedResults.Ok(SetAsideWorkDto.From(retried.Item));
    }

    private static async Task<HashSet<StationId>> VisibleAsync(AccessScope scope, IStationStore stations, CancellationToken cancellationToken) =>
        scope.IsEverything ? [] : [.. (await StationLookup.ListAsync(scope, stations, cancellationToken)).Select(s => s.Id)];

    private static UnknownSetAsideWorkProblem UnknownWork(long id) => new($"No set-aside work with id {id}.");
}
